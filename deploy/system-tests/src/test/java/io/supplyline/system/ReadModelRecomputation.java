package io.supplyline.system;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The read models recomputed from the event store by code of its own (not the projections'), and
 * the same figures read from the query database, each as {@code aggregate id -> "field=value ..."}
 * so that two of them compare with one equality.
 */
final class ReadModelRecomputation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadModelRecomputation() {
    }

    /** Stock levels, orders, shipments and purchase orders as the events say they must be. */
    static Map<String, String> fromEventStore(Connection store) throws SQLException {
        Map<String, long[]> stock = new TreeMap<>();            // onHand, reserved, version
        Map<String, Long> inbound = new HashMap<>();            // stock id -> units still due
        Map<String, Map<String, Long>> poRemaining = new HashMap<>();
        Map<String, String> poWarehouse = new HashMap<>();
        Map<String, String> orders = new TreeMap<>();
        Map<String, String> shipments = new TreeMap<>();
        Map<String, long[]> purchaseOrders = new TreeMap<>();  // ordered, received, version
        Map<String, String> poStatus = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        try (Statement query = store.createStatement(); ResultSet rows = query.executeQuery(
                "SELECT aggregateidentifier, sequencenumber, payloadtype, payload FROM domainevententry ORDER BY globalindex")) {
            while (rows.next()) {
                String id = rows.getString(1);
                long sequence = rows.getLong(2);
                String type = rows.getString(3).substring(rows.getString(3).lastIndexOf('.') + 1);
                JsonNode event = read(rows.getBytes(4));
                versions.put(id, sequence);
                switch (type) {
                    case "StockReceived" -> stock(stock, id)[0] += event.get("quantity").asLong();
                    case "StockAdjusted" -> stock(stock, id)[0] += event.get("delta").asLong();
                    case "StockReserved" -> stock(stock, id)[1] += event.get("quantity").asLong();
                    case "ReservationReleased" -> stock(stock, id)[1] -= event.get("quantity").asLong();
                    case "StockIssued" -> {
                        stock(stock, id)[0] -= event.get("quantity").asLong();
                        stock(stock, id)[1] -= event.get("quantity").asLong();
                    }
                    case "OrderPlaced" -> orders.put(id, "PLACED");
                    case "OrderAllocated" -> orders.put(id, "ALLOCATED");
                    case "OrderBackordered" -> orders.put(id, "BACKORDERED");
                    case "OrderShipped" -> orders.put(id, "SHIPPED");
                    case "OrderDelivered" -> orders.put(id, "DELIVERED");
                    case "OrderCancelled" -> orders.put(id, "CANCELLED");
                    case "ShipmentCreated" -> shipments.put(id, "CREATED eta=" + event.get("promisedDeliveryDate").asText());
                    case "ShipmentDispatched" -> shipments.computeIfPresent(id, (k, v) -> v.replaceFirst("^\\w+", "DISPATCHED"));
                    case "ShipmentDelivered" -> shipments.computeIfPresent(id, (k, v) -> v.replaceFirst("^\\w+", "DELIVERED"));
                    case "ShipmentDelayed" -> shipments.computeIfPresent(id,
                            (k, v) -> v.replaceFirst("eta=.*", "eta=" + event.get("newEta").asText()));
                    case "ShipmentExceptionReported" -> {
                        if ("ORDER_CANCELLED".equals(event.get("type").asText())) {
                            shipments.computeIfPresent(id, (k, v) -> v.replaceFirst("^\\w+", "VOID"));
                        }
                    }
                    case "PurchaseOrderPlaced" -> {
                        String warehouse = event.get("warehouse").asText();
                        poWarehouse.put(id, warehouse);
                        Map<String, Long> remaining = new HashMap<>();
                        long ordered = 0;
                        for (JsonNode line : event.get("lines")) {
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
                        for (JsonNode line : event.get("lines")) {
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
            }
        }
        Map<String, String> expected = new TreeMap<>();
        stock.forEach((id, level) -> expected.put(id, "onHand=" + level[0] + " reserved=" + level[1]
                + " inbound=" + inbound.getOrDefault(id, 0L) + " version=" + versions.get(id)));
        inbound.forEach((id, units) -> expected.putIfAbsent(id, "onHand=0 reserved=0 inbound=" + units + " version=-1"));
        orders.forEach((id, status) -> expected.put(id, status + " version=" + versions.get(id)));
        shipments.forEach((id, state) -> expected.put(id, state + " version=" + versions.get(id)));
        purchaseOrders.forEach((id, units) -> expected.put(id, poStatus.get(id) + " ordered=" + units[0]
                + " received=" + units[1] + " version=" + versions.get(id)));
        return expected;
    }

    /** The same figures from the read models. */
    static Map<String, String> fromReadModels(Connection readModels) throws SQLException {
        Map<String, String> actual = new TreeMap<>();
        try (Statement query = readModels.createStatement()) {
            try (ResultSet rows = query.executeQuery("SELECT id, on_hand, reserved, inbound, version FROM stock_level")) {
                while (rows.next()) {
                    actual.put(rows.getString(1), "onHand=" + rows.getLong(2) + " reserved=" + rows.getLong(3)
                            + " inbound=" + rows.getLong(4) + " version=" + rows.getLong(5));
                }
            }
            try (ResultSet rows = query.executeQuery("SELECT id, status, version FROM order_board")) {
                while (rows.next()) {
                    actual.put(rows.getString(1), rows.getString(2) + " version=" + rows.getLong(3));
                }
            }
            try (ResultSet rows = query.executeQuery("SELECT id, status, eta, version FROM shipment_board")) {
                while (rows.next()) {
                    actual.put(rows.getString(1), rows.getString(2) + " eta=" + rows.getString(3) + " version=" + rows.getLong(4));
                }
            }
            try (ResultSet rows = query.executeQuery(
                    "SELECT id, status, units_ordered, units_received, version FROM purchase_order_board")) {
                while (rows.next()) {
                    actual.put(rows.getString(1), rows.getString(2) + " ordered=" + rows.getLong(3) + " received="
                            + rows.getLong(4) + " version=" + rows.getLong(5));
                }
            }
        }
        return actual;
    }

    private static long[] stock(Map<String, long[]> stock, String id) {
        return stock.computeIfAbsent(id, k -> new long[2]);
    }

    private static JsonNode read(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
