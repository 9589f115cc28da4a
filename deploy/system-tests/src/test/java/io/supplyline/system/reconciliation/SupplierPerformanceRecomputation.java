package io.supplyline.system.reconciliation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Supplier performance: each supplier, and each purchase order's delivery record (what was ordered,
 * what arrived, whether the last goods came on time, the lead time in days).
 */
final class SupplierPerformanceRecomputation implements Recomputation {

    private final Map<String, String> suppliers = new TreeMap<>();
    private final Map<String, Boolean> suspended = new HashMap<>();
    private final Map<String, PurchaseOrder> orders = new TreeMap<>();
    private final Map<String, Long> versions = new HashMap<>();

    private static final class PurchaseOrder {
        String supplier;
        String expected;
        Instant placedAt;
        long ordered;
        long received;
        String status = "OPEN";
        Boolean onTime;
        Double leadDays;
    }

    @Override
    public void apply(StoredEvent event) {
        String id = event.aggregateId();
        switch (event.type()) {
            case "SupplierRegistered" -> suppliers.put(id, "name=" + event.text("name") + " leadTime=" + event.number("leadTimeDays"));
            case "SupplierSuspended" -> suspended.put(id, true);
            case "SupplierReinstated" -> suspended.put(id, false);
            case "PurchaseOrderPlaced" -> {
                PurchaseOrder order = new PurchaseOrder();
                order.supplier = event.text("supplier");
                order.expected = event.text("expectedDeliveryDate");
                order.placedAt = event.timestamp();
                order.ordered = units(event);
                orders.put(id, order);
            }
            case "GoodsReceived" -> orders.get(id).received += units(event);
            case "PurchaseOrderFullyReceived" -> {
                PurchaseOrder order = orders.get(id);
                order.status = "RECEIVED";
                order.onTime = !LocalDate.ofInstant(event.timestamp(), ZoneOffset.UTC).isAfter(LocalDate.parse(order.expected));
                order.leadDays = Duration.between(order.placedAt, event.timestamp()).toMinutes() / 1440.0;
            }
            case "PurchaseOrderCancelled" -> orders.get(id).status = "CANCELLED";
            default -> {
                return;
            }
        }
        versions.put(id, event.sequence());
    }

    @Override
    public Map<String, String> expected() {
        Map<String, String> expected = new TreeMap<>();
        suppliers.forEach((id, supplier) -> expected.put(id, supplier + " suspended=" + suspended.getOrDefault(id, false)
                + " version=" + versions.get(id)));
        orders.forEach((id, order) -> expected.put(id, describe(order.supplier, order.expected, order.ordered,
                order.received, order.status, order.onTime, order.leadDays, versions.get(id))));
        return expected;
    }

    @Override
    public Map<String, String> actual(Connection readModels) throws SQLException {
        Map<String, String> actual = new TreeMap<>();
        actual.putAll(Recomputation.rows(readModels,
                "SELECT id, name, lead_time_days, suspended, version FROM supplier_performance_supplier",
                row -> "name=" + row.getString(2) + " leadTime=" + row.getInt(3) + " suspended=" + row.getBoolean(4)
                        + " version=" + row.getLong(5)));
        actual.putAll(Recomputation.rows(readModels, "SELECT id, supplier, expected_delivery_date, units_ordered,"
                        + " units_received, status, delivered_on_time, lead_time_days, version FROM supplier_performance_order",
                row -> describe(row.getString(2), row.getString(3), row.getLong(4), row.getLong(5), row.getString(6),
                        (Boolean) row.getObject(7), (Double) row.getObject(8), row.getLong(9))));
        return actual;
    }

    private static String describe(String supplier, String expected, long ordered, long received, String status,
                                   Boolean onTime, Double leadDays, long version) {
        return "supplier=" + supplier + " expected=" + expected + " ordered=" + ordered + " received=" + received
                + " status=" + status + " onTime=" + onTime
                + " leadDays=" + (leadDays == null ? "-" : String.format("%.4f", leadDays)) + " version=" + version;
    }

    private static long units(StoredEvent event) {
        long units = 0;
        for (JsonNode line : event.payload().get("lines")) {
            units += line.get("quantity").asLong();
        }
        return units;
    }
}
