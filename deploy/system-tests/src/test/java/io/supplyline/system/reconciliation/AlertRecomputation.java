package io.supplyline.system.reconciliation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The alerts open after every event, by the rules docs/read-models.md gives for each detector and the query
 * side's default thresholds. Stock, overdue and delay alerts follow from the final state; anomalies
 * from each item's last adjustment against the ones before it; demand spikes and projected stockouts
 * from each item's hourly demand, judged when the alert projection judges them.
 */
final class AlertRecomputation implements Recomputation {

    // The defaults of io.supplyline.query.alerts.AlertSettings; the system runs with them.
    private static final int ANOMALY_MIN_HISTORY = 5;
    private static final double ANOMALY_SIGMAS = 3.0;
    private static final double DEMAND_ALPHA = 0.2;
    private static final int DEMAND_MIN_HOURS = 3;
    private static final double SPIKE_FACTOR = 3.0;
    private static final int SPIKE_MIN_UNITS = 20;
    private static final int DEFAULT_LEAD_TIME_DAYS = 7;

    private static final class Item {
        String warehouse;
        String sku;
        long onHand;
        long reserved;
        final List<Long> adjustments = new ArrayList<>();
        boolean anomalous;
        boolean projectedStockout;
        // Hourly demand: units of the current hour, and the weighted average of the hours before.
        Instant hour;
        long hourUnits;
        double perHour;
        long hoursSeen;
        boolean known;      // has had a stock event

        long available() {
            return onHand - reserved;
        }
    }

    private record Shipment(String warehouse, LocalDate promised, LocalDate eta, boolean onTheWay) {
    }

    private record PurchaseOrder(String warehouse, LocalDate expected, boolean expecting) {
    }

    private final Map<String, Item> items = new TreeMap<>();
    private final Map<String, Long> reorderPoints = new HashMap<>();
    private final Map<String, String> lastSupplier = new HashMap<>();
    private final Map<String, Long> leadTimes = new HashMap<>();
    private final Map<String, PurchaseOrder> purchaseOrders = new TreeMap<>();
    private final Map<String, Shipment> shipments = new TreeMap<>();
    private LocalDate clock;

    @Override
    public void apply(StoredEvent event) {
        LocalDate day = LocalDate.ofInstant(event.timestamp(), ZoneOffset.UTC);
        clock = clock == null || day.isAfter(clock) ? day : clock;
        String id = event.aggregateId();
        switch (event.type()) {
            case "StockReceived" -> stockChanged(id, event.number("quantity"), 0);
            case "StockReserved" -> stockChanged(id, 0, event.number("quantity"));
            case "ReservationReleased" -> stockChanged(id, 0, -event.number("quantity"));
            case "StockIssued" -> stockChanged(id, -event.number("quantity"), -event.number("quantity"));
            case "StockAdjusted" -> {
                adjusted(item(id), Math.abs(event.number("delta")));
                stockChanged(id, event.number("delta"), 0);
            }
            case "ProductRegistered", "ReorderPolicyChanged" -> {
                String sku = event.text("sku");
                reorderPoints.put(sku, event.payload().get("reorderPolicy").get("reorderPoint").asLong());
                items.values().stream().filter(item -> item.known && item.sku.equals(sku)).forEach(this::judgeProjection);
            }
            case "SupplierRegistered" -> leadTimes.put(event.text("code"), event.number("leadTimeDays"));
            case "OrderPlaced" -> {
                for (JsonNode line : event.payload().get("lines")) {
                    Item item = item("stock:" + event.text("warehouse") + ":" + line.get("sku").asText());
                    ordered(item, event.timestamp(), line.get("quantity").asLong());
                    if (item.known) {
                        judgeProjection(item);
                    }
                }
            }
            case "PurchaseOrderPlaced" -> {
                purchaseOrders.put(id, new PurchaseOrder(event.text("warehouse"),
                        LocalDate.parse(event.text("expectedDeliveryDate")), true));
                event.payload().get("lines").forEach(line -> lastSupplier.put(line.get("sku").asText(), event.text("supplier")));
            }
            case "PurchaseOrderFullyReceived", "PurchaseOrderCancelled" ->
                    purchaseOrders.computeIfPresent(id, (k, order) -> new PurchaseOrder(order.warehouse(), order.expected(), false));
            case "ShipmentCreated" -> {
                LocalDate promised = LocalDate.parse(event.text("promisedDeliveryDate"));
                shipments.put(id, new Shipment(event.text("warehouse"), promised, promised, true));
            }
            case "ShipmentDelayed" -> shipments.computeIfPresent(id, (k, shipment) -> new Shipment(shipment.warehouse(),
                    shipment.promised(), LocalDate.parse(event.text("newEta")), shipment.onTheWay()));
            case "ShipmentDelivered" -> arrived(id);
            case "ShipmentExceptionReported" -> {
                if (event.text("type").equals("ORDER_CANCELLED")) {
                    arrived(id);
                }
            }
            default -> { }
        }
    }

    private Item item(String id) {
        return items.computeIfAbsent(id, k -> {
            Item item = new Item();
            String[] parts = id.split(":", 3);
            item.warehouse = parts[1];
            item.sku = parts[2];
            return item;
        });
    }

    private void stockChanged(String id, long onHand, long reserved) {
        Item item = item(id);
        item.known = true;
        item.onHand += onHand;
        item.reserved += reserved;
        judgeProjection(item);
    }

    /** Anomalous: more than ANOMALY_SIGMAS sample deviations (at least 1 unit) above the earlier sizes' mean. */
    private static void adjusted(Item item, long size) {
        List<Long> earlier = item.adjustments;
        if (earlier.size() >= ANOMALY_MIN_HISTORY) {
            double mean = earlier.stream().mapToLong(Long::longValue).average().orElseThrow();
            double squares = earlier.stream().mapToDouble(each -> (each - mean) * (each - mean)).sum();
            double deviation = Math.max(1.0, Math.sqrt(squares / (earlier.size() - 1)));
            item.anomalous = size > mean + ANOMALY_SIGMAS * deviation;
        }
        earlier.add(size);
    }

    private static void ordered(Item item, Instant at, long units) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        if (item.hour == null) {
            item.hour = hour;
        } else if (hour.isAfter(item.hour)) {
            long closed = Duration.between(item.hour, hour).toHours();
            item.perHour = (DEMAND_ALPHA * item.hourUnits + (1 - DEMAND_ALPHA) * item.perHour)
                    * Math.pow(1 - DEMAND_ALPHA, closed - 1);
            item.hoursSeen += closed;
            item.hour = hour;
            item.hourUnits = 0;
        }
        item.hourUnits += units;
    }

    /** Judged whenever the item's stock, its product's policy or its demand changes. */
    private void judgeProjection(Item item) {
        boolean demandKnown = item.hoursSeen >= DEMAND_MIN_HOURS && item.perHour > 0;
        String supplier = lastSupplier.get(item.sku);
        long leadTime = supplier == null || !leadTimes.containsKey(supplier) ? DEFAULT_LEAD_TIME_DAYS : leadTimes.get(supplier);
        item.projectedStockout = demandKnown && item.available() > 0 && item.available() / (item.perHour * 24) < leadTime;
    }

    private void arrived(String shipmentId) {
        shipments.computeIfPresent(shipmentId,
                (k, shipment) -> new Shipment(shipment.warehouse(), shipment.promised(), shipment.eta(), false));
    }

    @Override
    public Map<String, String> expected() {
        Map<String, String> open = new TreeMap<>();
        items.forEach((id, item) -> {
            String about = "warehouse=" + item.warehouse + " sku=" + item.sku;
            if (item.known && item.available() <= 0) {
                open.put("STOCKOUT " + id, about);
            } else if (item.known && item.available() <= reorderPoints.getOrDefault(item.sku, 0L)) {
                open.put("LOW_STOCK " + id, about);
            }
            if (item.anomalous) {
                open.put("ANOMALOUS_ADJUSTMENT " + id, about);
            }
            if (item.projectedStockout) {
                open.put("PROJECTED_STOCKOUT " + id, about);
            }
            if (item.hoursSeen >= DEMAND_MIN_HOURS && item.hourUnits > Math.max(SPIKE_MIN_UNITS, SPIKE_FACTOR * item.perHour)) {
                open.put("DEMAND_SPIKE " + id, about);
            }
        });
        purchaseOrders.forEach((id, order) -> {
            if (order.expecting() && order.expected().isBefore(clock)) {
                open.put("OVERDUE_PURCHASE_ORDER " + id, "warehouse=" + order.warehouse() + " sku=null");
            }
        });
        shipments.forEach((id, shipment) -> {
            if (shipment.onTheWay() && (shipment.eta().isAfter(shipment.promised()) || shipment.eta().isBefore(clock))) {
                open.put("DELAYED_SHIPMENT " + id, "warehouse=" + shipment.warehouse() + " sku=null");
            }
        });
        return open;
    }

    /** The open alerts; a subject with two open alerts of one type would show as two rows. */
    @Override
    public Map<String, String> actual(Connection readModels) throws SQLException {
        return Recomputation.rows(readModels, "SELECT type || ' ' || subject, count(*), max(warehouse), max(sku)"
                        + " FROM alert WHERE is_open GROUP BY type, subject",
                row -> (row.getInt(2) == 1 ? "" : row.getInt(2) + " open: ")
                        + "warehouse=" + row.getString(3) + " sku=" + row.getString(4));
    }
}
