package io.supplyline.system.reconciliation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operations overview: the status each order, shipment and purchase order is counted under, the
 * counts per status, the events per hour and per minute (all, per kind the overview charts, and the orders
 * entering and leaving BACKORDERED), and the time of the newest event.
 */
final class OverviewRecomputation implements Recomputation {

    private static final Map<String, String> STATUS_AFTER = Map.ofEntries(
            Map.entry("OrderPlaced", "orders.PLACED"),
            Map.entry("OrderAllocated", "orders.ALLOCATED"),
            Map.entry("OrderBackordered", "orders.BACKORDERED"),
            Map.entry("OrderShipped", "orders.SHIPPED"),
            Map.entry("OrderDelivered", "orders.DELIVERED"),
            Map.entry("OrderCancelled", "orders.CANCELLED"),
            Map.entry("ShipmentCreated", "shipments.CREATED"),
            Map.entry("ShipmentDispatched", "shipments.DISPATCHED"),
            Map.entry("ShipmentDelivered", "shipments.DELIVERED"),
            Map.entry("PurchaseOrderPlaced", "purchase-orders.OPEN"),
            Map.entry("GoodsReceived", "purchase-orders.PARTIALLY_RECEIVED"),
            Map.entry("PurchaseOrderFullyReceived", "purchase-orders.RECEIVED"),
            Map.entry("PurchaseOrderCancelled", "purchase-orders.CANCELLED"));

    private static final String BACKORDERED = "orders.BACKORDERED";

    private static final Map<String, String> HOURLY_METRIC = Map.of(
            "OrderPlaced", "ordersPlaced",
            "ShipmentDispatched", "shipmentsDispatched",
            "ShipmentDelivered", "deliveries",
            "GoodsReceived", "goodsReceipts",
            "StockAdjusted", "adjustments");

    private final Map<String, String> status = new HashMap<>();
    private final Map<String, Long> versions = new TreeMap<>();
    private final Map<String, Long> hourly = new TreeMap<>();
    private final Map<String, Long> minutely = new TreeMap<>();
    private Instant latest;

    @Override
    public void apply(StoredEvent event) {
        versions.put(event.aggregateId(), event.sequence());
        if (latest == null || event.timestamp().isAfter(latest)) {
            latest = event.timestamp();
        }
        count(event, "events");
        if (HOURLY_METRIC.containsKey(event.type())) {
            count(event, HOURLY_METRIC.get(event.type()));
        }
        String before = status.get(event.aggregateId());
        if (STATUS_AFTER.containsKey(event.type())) {
            status.put(event.aggregateId(), STATUS_AFTER.get(event.type()));
        } else if (event.type().equals("ShipmentExceptionReported") && event.text("type").equals("ORDER_CANCELLED")) {
            status.put(event.aggregateId(), "shipments.VOID");
        }
        boolean wasBackordered = BACKORDERED.equals(before);
        boolean isBackordered = BACKORDERED.equals(status.get(event.aggregateId()));
        if (isBackordered && !wasBackordered) {
            count(event, "backorders");
        } else if (wasBackordered && !isBackordered) {
            count(event, "backordersClosed");
        }
    }

    private void count(StoredEvent event, String metric) {
        hourly.merge(event.timestamp().truncatedTo(ChronoUnit.HOURS) + " " + metric, 1L, Long::sum);
        minutely.merge(event.timestamp().truncatedTo(ChronoUnit.MINUTES) + " " + metric, 1L, Long::sum);
    }

    @Override
    public Map<String, String> expected() {
        Map<String, String> expected = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        versions.forEach((id, version) -> {
            expected.put(id, "counter=" + status.get(id) + " version=" + version);
            if (status.containsKey(id)) {
                counts.merge(status.get(id), 1L, Long::sum);
            }
        });
        counts.forEach((counter, total) -> expected.put("count " + counter, String.valueOf(total)));
        hourly.forEach((hourAndMetric, total) -> expected.put("hour " + hourAndMetric, String.valueOf(total)));
        minutely.forEach((minuteAndMetric, total) -> expected.put("minute " + minuteAndMetric, String.valueOf(total)));
        if (latest != null) {
            expected.put("latest event", String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, latest)));
        }
        return expected;
    }

    @Override
    public Map<String, String> actual(Connection readModels) throws SQLException {
        Map<String, String> actual = new TreeMap<>();
        actual.putAll(Recomputation.rows(readModels, "SELECT id, counter, version FROM overview_aggregate",
                row -> "counter=" + row.getString(2) + " version=" + row.getLong(3)));
        actual.putAll(Recomputation.rows(readModels,
                "SELECT 'count ' || counter, total FROM overview_count WHERE total <> 0",
                row -> String.valueOf(row.getLong(2))));
        actual.putAll(Recomputation.rows(readModels, "SELECT 'hour ' || to_char(hour_start AT TIME ZONE 'UTC',"
                        + " 'YYYY-MM-DD\"T\"HH24\":00:00Z \"') || metric, total FROM overview_hourly",
                row -> String.valueOf(row.getLong(2))));
        actual.putAll(Recomputation.rows(readModels, "SELECT 'minute ' || to_char(minute_start AT TIME ZONE 'UTC',"
                        + " 'YYYY-MM-DD\"T\"HH24:MI\":00Z \"') || metric, total FROM overview_minutely",
                row -> String.valueOf(row.getLong(2))));
        actual.putAll(Recomputation.rows(readModels, "SELECT 'latest event',"
                        + " (extract(epoch FROM at) * 1000000)::bigint FROM overview_latest_event",
                row -> String.valueOf(row.getLong(2))));
        return actual;
    }
}
