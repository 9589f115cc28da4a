package io.supplyline.query.overview;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The operations overview: counts by status, and per hour (UTC, oldest first, the last 24 hours
 * with activity) the events and the business moments among them.
 */
public record OverviewView(Map<String, Long> orders, Map<String, Long> shipments, Map<String, Long> purchaseOrders,
                           List<Hour> throughput) {

    public record Hour(Instant hour, Map<String, Long> counts) {
    }
}
