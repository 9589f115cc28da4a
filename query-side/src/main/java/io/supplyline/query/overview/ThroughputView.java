package io.supplyline.query.overview;

import java.time.Instant;
import java.util.List;

/**
 * Throughput over a range of equal buckets (UTC, by the events' own time), oldest first, empty ones included.
 *
 * @param range         {@code hour}, {@code day} or {@code week}
 * @param from          the start of the first bucket
 * @param until         the end of the last bucket, which holds the instant asked for
 * @param latestEventAt the newest event the overview has counted, in or out of the range; null before the first
 */
public record ThroughputView(String range, long bucketSeconds, Instant from, Instant until, Instant latestEventAt,
                             List<Bucket> buckets) {

    /**
     * @param backorders     orders that became BACKORDERED in the bucket
     * @param openBackorders orders that were BACKORDERED at the bucket's end
     */
    public record Bucket(Instant start, long events, long ordersPlaced, long shipmentsDispatched, long deliveries,
                         long goodsReceipts, long adjustments, long backorders, long openBackorders) {
    }
}
