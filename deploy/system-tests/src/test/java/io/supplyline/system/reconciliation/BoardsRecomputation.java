package io.supplyline.system.reconciliation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Stock levels (with inbound units) and their history, the order board, the shipment board and the
 * purchase order board.
 */
final class BoardsRecomputation implements Recomputation {

    private final Map<String, long[]> stock = new TreeMap<>();            // onHand, reserved
    private final Map<String, Long> inbound = new HashMap<>();            // stock id -> units still due
    private final Map<String, Map<String, Long>> poRemaining = new HashMap<>();
    private final Map<String, String> poWarehouse = new HashMap<>();
    private final Map<String, String> orders = new TreeMap<>();
    private final Map<String, Long> ordersShippedAt = new HashMap<>();    // order id -> micros of its OrderShipped
    private final Map<String, String> shipments = new TreeMap<>();
    private final Map<String, long[]> purchaseOrders = new TreeMap<>();   // ordered, received
    private final Map<String, String> poStatus = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<String, String> history = new TreeMap<>();          // "stock id@version" -> level then

    @Override
    public void apply(StoredEvent event) {
        String id = event.aggregateId();
        versions.put(id, event.sequence());
        switch (event.type()) {
            case "StockReceived" -> stock(id)[0] += event.number("quantity");
            case "StockAdjusted" -> stock(id)[0] += event.number("delta");
            case "StockReserved" -> stock(id)[1] += event.number("quantity");
            case "ReservationReleased" -> stock(id)[1] -= event.number("quantity");
            case "StockIssued" -> {
                stock(id)[0] -= event.number("quantity");
                stock(id)[1] -= event.number("quantity");
            }
            case "OrderPlaced" -> orders.put(id, "PLACED");
            case "OrderAllocated" -> orders.put(id, "ALLOCATED");
            case "OrderBackordered" -> orders.put(id, "BACKORDERED");
            case "OrderShipped" -> {
                orders.put(id, "SHIPPED");
                ordersShippedAt.put(id, ChronoUnit.MICROS.between(Instant.EPOCH, event.timestamp()));
            }
            case "OrderDelivered" -> orders.put(id, "DELIVERED");
            case "OrderCancelled" -> orders.put(id, "CANCELLED");
            case "ShipmentCreated" -> shipments.put(id, "CREATED eta=" + event.text("promisedDeliveryDate"));
            case "ShipmentDispatched" -> shipmentStatus(id, "DISPATCHED");
            case "ShipmentDelivered" -> shipmentStatus(id, "DELIVERED");
            case "ShipmentDelayed" -> shipments.computeIfPresent(id,
                    (k, v) -> v.replaceFirst("eta=.*", "eta=" + event.text("newEta")));
            case "ShipmentExceptionReported" -> {
                if ("ORDER_CANCELLED".equals(event.text("type"))) {
                    shipmentStatus(id, "VOID");
                }
            }
            case "PurchaseOrderPlaced" -> {
                String warehouse = event.text("warehouse");
                poWarehouse.put(id, warehouse);
                Map<String, Long> remaining = new HashMap<>();
                long ordered = 0;
                for (JsonNode line : event.payload().get("lines")) {
                    long units = line.get("quantity").asLong();
                    remaining.merge(line.get("sku").asText(), units, Long::sum);
                    inbound.merge("stock:" + warehouse + ":" + line.get("sku").asText(), units, Long::sum);
                    ordered += units;
                }
                poRemaining.put(id, remaining);
                purchaseOrders.put(id, new long[] {ordered, 0});
                poStatus.put(id, "OPEN");
            }
            case "GoodsReceived" -> {
                for (JsonNode line : event.payload().get("lines")) {
                    String sku = line.get("sku").asText();
                    long arrived = Math.min(line.get("quantity").asLong(), poRemaining.get(id).getOrDefault(sku, 0L));
                    poRemaining.get(id).merge(sku, -arrived, Long::sum);
                    inbound.merge("stock:" + poWarehouse.get(id) + ":" + sku, -arrived, Long::sum);
                    purchaseOrders.get(id)[1] += line.get("quantity").asLong();
                }
                poStatus.put(id, "PARTIALLY_RECEIVED");
            }
            case "PurchaseOrderFullyReceived" -> poStatus.put(id, "RECEIVED");
            case "PurchaseOrderCancelled" -> {
                poRemaining.get(id).forEach((sku, left) ->
                        inbound.merge("stock:" + poWarehouse.get(id) + ":" + sku, -left, Long::sum));
                poRemaining.get(id).replaceAll((sku, left) -> 0L);
                poStatus.put(id, "CANCELLED");
            }
            default -> { }
        }
        if (event.type().startsWith("Stock") || event.type().equals("ReservationReleased")) {
            history.put(id + "@" + event.sequence(), "onHand=" + stock(id)[0] + " reserved=" + stock(id)[1]
                    + " atMicros=" + ChronoUnit.MICROS.between(Instant.EPOCH, event.timestamp()));
        }
    }

    @Override
    public Map<String, String> expected() {
        Map<String, String> expected = new TreeMap<>();
        stock.forEach((id, level) -> expected.put(id, "onHand=" + level[0] + " reserved=" + level[1]
                + " inbound=" + inbound.getOrDefault(id, 0L) + " version=" + versions.get(id)));
        // An item only ordered from a supplier has a row for its inbound units, without a stock version.
        inbound.forEach((id, units) -> expected.putIfAbsent(id, "onHand=0 reserved=0 inbound=" + units + " version=-1"));
        orders.forEach((id, status) -> expected.put(id, status + " shippedAtMicros=" + ordersShippedAt.get(id)
                + " version=" + versions.get(id)));
        shipments.forEach((id, state) -> expected.put(id, state + " version=" + versions.get(id)));
        purchaseOrders.forEach((id, units) -> expected.put(id, poStatus.get(id) + " ordered=" + units[0]
                + " received=" + units[1] + " version=" + versions.get(id)));
        expected.putAll(history);
        return expected;
    }

    @Override
    public Map<String, String> actual(Connection readModels) throws SQLException {
        Map<String, String> actual = new TreeMap<>();
        actual.putAll(Recomputation.rows(readModels, "SELECT id, on_hand, reserved, inbound, version FROM stock_level",
                row -> "onHand=" + row.getLong(2) + " reserved=" + row.getLong(3) + " inbound=" + row.getLong(4)
                        + " version=" + row.getLong(5)));
        actual.putAll(Recomputation.rows(readModels, "SELECT id, status, version,"
                        + " (extract(epoch FROM shipped_at) * 1000000)::bigint FROM order_board",
                row -> row.getString(2) + " shippedAtMicros=" + row.getObject(4) + " version=" + row.getLong(3)));
        actual.putAll(Recomputation.rows(readModels, "SELECT id, status, eta, version FROM shipment_board",
                row -> row.getString(2) + " eta=" + row.getString(3) + " version=" + row.getLong(4)));
        actual.putAll(Recomputation.rows(readModels,
                "SELECT id, status, units_ordered, units_received, version FROM purchase_order_board",
                row -> row.getString(2) + " ordered=" + row.getLong(3) + " received=" + row.getLong(4)
                        + " version=" + row.getLong(5)));
        actual.putAll(Recomputation.rows(readModels, "SELECT id, on_hand, reserved,"
                        + " (extract(epoch FROM recorded_at) * 1000000)::bigint FROM stock_level_point",
                row -> "onHand=" + row.getLong(2) + " reserved=" + row.getLong(3) + " atMicros=" + row.getLong(4)));
        return actual;
    }

    private long[] stock(String id) {
        return stock.computeIfAbsent(id, k -> new long[2]);
    }

    private void shipmentStatus(String id, String status) {
        shipments.computeIfPresent(id, (k, v) -> v.replaceFirst("^\\w+", status));
    }
}
