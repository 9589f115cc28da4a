package io.supplyline.query.dashboard;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.supplyline.events.Money;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.catalog.ReorderPolicy;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.OrderAllocated;
import io.supplyline.events.fulfilment.OrderBackordered;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.OrderShipped;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.inventory.StockReserved;
import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.PurchaseOrderFullyReceived;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.PurchaseOrderLine;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.events.purchasing.ReceivedLine;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelayed;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.supplier.SupplierRegistered;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.query.EventTopicWriter;

/**
 * The dashboard's world, all of it two days old (so "latest event" is what finds it): 60 SKUs in warehouses
 * DV-A and DV-B (120 stock items, reorder point 10: every 12th out, every 7th low), one item running out
 * before its slow supplier can deliver, three suppliers (punctual, late, slow), orders in every state of
 * the board and two shipments on their way, one of them delayed.
 */
final class DashboardMother {

    static final String A = "DV-A", B = "DV-B";
    static final int SKUS = 60;
    static final Instant BASE = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final LocalDate BASE_DAY = LocalDate.ofInstant(BASE, ZoneOffset.UTC);
    /** An item that was low for 90 minutes, then restocked: its resolved alert lasted "1 h 30 min". */
    static final String RESTOCKED = "PART-014";
    /** Low, but a purchase order is on its way: no reorder cue. */
    static final String LOW_WITH_INBOUND = "PART-007";
    /** Enough for hours, not for the 10 days its supplier takes: "will run out". */
    static final String RUNNING_OUT = "PART-001";

    final SupplierCode punctual = new SupplierCode("PUNCT"), late = new SupplierCode("LATE"), slow = new SupplierCode("SLOW");
    final SalesOrderId shippedLate = SalesOrderId.random();
    final ShipmentId delayedShipment = ShipmentId.random();
    /** How many events the world took, the throughput's total. */
    int events;

    private final EventTopicWriter topic;
    private final Map<String, Long> sequences = new HashMap<>();
    private Instant clock = BASE;
    private Instant restockedLowAt;

    DashboardMother(EventTopicWriter topic) {
        this.topic = topic;
    }

    static String sku(int i) {
        return String.format("PART-%03d", i);
    }

    static boolean out(int i) {
        return i % 12 == 0;
    }

    static boolean low(int i) {
        return !out(i) && i % 7 == 0;
    }

    /** The next event of the aggregate, a second after the one before unless {@code at} is given. */
    private void publish(String type, String aggregateId, Object event, Instant at) {
        long sequence = sequences.merge(aggregateId, 0L, (was, zero) -> was + 1);
        topic.publishAt(type, aggregateId, sequence, event, at);
        events++;
    }

    private void publish(String type, String aggregateId, Object event) {
        clock = clock.plusSeconds(1);
        publish(type, aggregateId, event, clock);
    }

    private void stock(StockItemId item, Object event) {
        publish("StockItem", item.aggregateId(), event);
    }

    DashboardMother world() {
        suppliers();
        for (int i = 1; i <= SKUS; i++) {
            Sku sku = new Sku(sku(i));
            publish("Product", sku.aggregateId(), new ProductRegistered(sku, "Part " + i, "EA", new ReorderPolicy(10, 50)));
            for (String warehouse : List.of(A, B)) {
                StockItemId item = StockItemId.of(warehouse, sku(i));
                if (out(i)) {
                    stock(item, new StockReceived(item, Quantity.of(3), "DN-" + i));
                    stock(item, new StockReserved(item, "order:x/" + i, Quantity.of(3)));
                } else if (low(i)) {
                    stock(item, new StockReceived(item, Quantity.of(5), "DN-" + i));
                    if (item.equals(StockItemId.of(A, RESTOCKED))) {
                        restockedLowAt = clock;
                    }
                } else {
                    stock(item, new StockReceived(item, Quantity.of((A.equals(warehouse) ? 100 : 200) + i), "DN-" + i));
                }
            }
        }
        StockItemId restocked = StockItemId.of(A, RESTOCKED);
        publish("StockItem", restocked.aggregateId(), new StockReceived(restocked, Quantity.of(100), "DN-late"),
                restockedLowAt.plus(Duration.ofMinutes(90)));
        purchaseOrders();
        orders();
        shipments();
        return this;
    }

    private void suppliers() {
        publish("Supplier", punctual.aggregateId(), new SupplierRegistered(punctual, "Punctual AG", 3));
        publish("Supplier", late.aggregateId(), new SupplierRegistered(late, "Late Ltd", 5));
        publish("Supplier", slow.aggregateId(), new SupplierRegistered(slow, "Slow AG", 10));
    }

    private PurchaseOrderId placed(SupplierCode supplier, String warehouse, String sku, LocalDate expected, int units) {
        PurchaseOrderId order = PurchaseOrderId.random();
        publish("PurchaseOrder", order.aggregateId(), new PurchaseOrderPlaced(order, supplier, new WarehouseCode(warehouse),
                expected, List.of(new PurchaseOrderLine(new Sku(sku), Quantity.of(units), new Money(BigDecimal.ONE, "EUR")))));
        return order;
    }

    private void fullyReceived(PurchaseOrderId order, String warehouse, String sku, int units) {
        publish("PurchaseOrder", order.aggregateId(), new GoodsReceived(order, new WarehouseCode(warehouse),
                List.of(new ReceivedLine(new Sku(sku), Quantity.of(units)))));
        publish("PurchaseOrder", order.aggregateId(), new PurchaseOrderFullyReceived(order));
    }

    /** Punctual: one delivered on time, one on its way; late: one delivered late, one overdue; slow: one on its way. */
    private void purchaseOrders() {
        fullyReceived(placed(punctual, A, "PART-002", BASE_DAY.plusDays(5), 10), A, "PART-002", 10);
        placed(punctual, B, LOW_WITH_INBOUND, TODAY.plusDays(5), 20);
        fullyReceived(placed(late, A, "PART-003", BASE_DAY.minusDays(1), 10), A, "PART-003", 10);
        placed(late, A, "PART-004", BASE_DAY.minusDays(1), 10);
        placed(slow, A, RUNNING_OUT, TODAY.plusDays(20), 10);
    }

    private SalesOrderId order(String customer, LocalDate requested, int units) {
        SalesOrderId order = SalesOrderId.random();
        publish("SalesOrder", order.aggregateId(), new OrderPlaced(order, customer, new WarehouseCode(A), requested,
                List.of(new OrderLine(new Sku("PART-005"), Quantity.of(units)))));
        return order;
    }

    /** 12 open (3 placed, 2 allocated, 2 backordered, 5 of steady demand), one shipped late, one shipped in time. */
    private void orders() {
        for (int i = 0; i < 3; i++) {
            order("Placed " + i, TODAY.plusDays(3), 2);
        }
        for (int i = 0; i < 2; i++) {
            SalesOrderId allocated = order("Allocated " + i, TODAY.plusDays(3), 2);
            publish("SalesOrder", allocated.aggregateId(), new OrderAllocated(allocated));
            SalesOrderId backordered = order("Backordered " + i, TODAY.plusDays(3), 500);
            publish("SalesOrder", backordered.aggregateId(), new OrderBackordered(backordered, List.of()));
        }
        // About 10 units an hour of the item for five hours: its 101 units last hours, its supplier takes 10 days.
        for (int hour = 4; hour >= 0; hour--) {
            SalesOrderId demand = SalesOrderId.random();
            publish("SalesOrder", demand.aggregateId(), new OrderPlaced(demand, "Steady demand", new WarehouseCode(A),
                    TODAY.plusDays(3), List.of(new OrderLine(new Sku(RUNNING_OUT), Quantity.of(10)))),
                    BASE.minus(Duration.ofHours(hour)).plusSeconds(60));
        }
        ShipmentId lateShipment = ShipmentId.random();
        publish("SalesOrder", shippedLate.aggregateId(), new OrderPlaced(shippedLate, "Shipped late",
                new WarehouseCode(A), BASE_DAY.minusDays(2), List.of(new OrderLine(new Sku("PART-006"), Quantity.of(1)))));
        publish("SalesOrder", shippedLate.aggregateId(), new OrderAllocated(shippedLate));
        publish("SalesOrder", shippedLate.aggregateId(), new OrderShipped(shippedLate, lateShipment));
        SalesOrderId inTime = order("Shipped in time", TODAY.plusDays(5), 1);
        publish("SalesOrder", inTime.aggregateId(), new OrderAllocated(inTime));
        publish("SalesOrder", inTime.aggregateId(), new OrderShipped(inTime, ShipmentId.random()));
    }

    /** Two on their way; one of them now expected two days after its promise. */
    private void shipments() {
        ShipmentId punctualShipment = ShipmentId.random();
        for (ShipmentId shipment : List.of(delayedShipment, punctualShipment)) {
            SalesOrderId order = SalesOrderId.random();
            publish("Shipment", shipment.aggregateId(), new ShipmentCreated(shipment, order, new WarehouseCode(A), "DHL",
                    "JD-" + shipment.aggregateId().substring(9, 17), TODAY.plusDays(2)));
            publish("Shipment", shipment.aggregateId(), new ShipmentDispatched(shipment, order, clock));
        }
        publish("Shipment", delayedShipment.aggregateId(),
                new ShipmentDelayed(delayedShipment, TODAY.plusDays(2), TODAY.plusDays(4), "storm"));
    }

    /** Publishes an event of an item now, as the live part of the test does. */
    void now(StockItemId item, Object event) {
        topic.publish("StockItem", item.aggregateId(), sequences.merge(item.aggregateId(), 0L, (was, zero) -> was + 1), event);
    }
}
