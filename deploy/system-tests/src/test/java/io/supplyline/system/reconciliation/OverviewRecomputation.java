package io.supplyline.system.reconciliation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operations overview: the status each order, shipment and purchase order is counted under, the
 * counts per status, and the events per hour (all, and per kind the overview charts).
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

    private static final Map<String, String> HOURLY_METRIC = Map.of(
            "OrderPlaced", "ordersPlaced",
            "ShipmentDispatched", "shipmentsDispatched",
            "ShipmentDelivered", "deliveries",
            "GoodsReceived", "goodsReceipts",
            "StockAdjusted", "adjustments");

    private final Map<String, String> status = new HashMap<>();
    private final Map<String, Long> versions = new TreeMap<>();
    private final Map<String, Long> hourly = new TreeMap<>();

    @Override
    public void apply(StoredEvent event) {
        versions.put(event.aggregateId(), event.sequence());
        String hour = event.timestamp().truncatedTo(ChronoUnit.HOURS) + " ";
        hourly.merge(hour + "events", 1L, Long::sum);
        if (HOURLY_METRIC.containsKey(event.type())) {
            hourly.merge(hour + HOURLY_METRIC.get(event.type()), 1L, Long::sum);
        }
        if (STATUS_AFTER.containsKey(event.type())) {
            status.put(event.aggregateId(), STATUS_AFTER.get(event.type()));
        } else if (event.type().equals("ShipmentExceptionReported") && event.text("type").equals("ORDER_CANCELLED")) {
            status.put(event.aggregateId(), "shipments.VOID");
        }
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
        return actual;
    }
}
