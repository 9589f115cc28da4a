package io.supplyline.query.alerts;

import static io.supplyline.query.projection.HandlerCalls.asOneBatch;
import static io.supplyline.query.projection.HandlerCalls.inNewTransaction;
import static io.supplyline.query.projection.HandlerCalls.message;
import static io.supplyline.query.projection.HandlerCalls.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import io.quarkus.panache.common.Sort;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Money;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.catalog.ReorderPolicy;
import io.supplyline.events.catalog.ReorderPolicyChanged;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.OrderAllocated;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockIssued;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.inventory.StockReserved;
import io.supplyline.events.purchasing.PurchaseOrderFullyReceived;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.PurchaseOrderLine;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelayed;
import io.supplyline.events.shipping.ShipmentDelivered;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.supplier.SupplierRegistered;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.query.projection.ProjectionRows;

/** The alert projection's handlers and its clock, called directly: each alert type opens, resolves, or stays silent. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class AlertProjectionTest {

    /** Past hours, so that whole hours of demand are closed; stock events follow a minute apart. */
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final WarehouseCode BER = new WarehouseCode("BER-1");

    @Inject
    AlertProjection projection;
    @Inject
    AlertClock clock;
    @Inject
    UserTransaction transaction;
    @Inject
    ProjectionRows rows;

    /** One of the alert projection's handlers: the event, its sequence number, its message. */
    @FunctionalInterface
    private interface Handler<E> {
        void on(E event, long sequence, EventMessage<?> message);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Calls the handler with {@code event} as event {@code sequence} of {@code aggregateId}, in the caller's transaction. */
    private static <E> GenericDomainEventMessage<E> call(String aggregateId, long sequence, E event, Instant at,
                                                         Handler<E> handler) {
        GenericDomainEventMessage<E> message = message(aggregateId, sequence, event, at);
        handler.on(event, sequence, message);
        return message;
    }

    /** Delivers {@code event} in a transaction of its own; returns its message, to deliver it again. */
    private static <E> GenericDomainEventMessage<E> deliver(String aggregateId, long sequence, E event, Instant at,
                                                            Handler<E> handler) {
        GenericDomainEventMessage<E> message = message(aggregateId, sequence, event, at);
        redeliver(message, handler);
        return message;
    }

    /** The very same message once more, as an at-least-once topic may deliver it. */
    private static <E> void redeliver(GenericDomainEventMessage<E> message, Handler<E> handler) {
        inNewTransaction(() -> handler.on(message.getPayload(), message.getSequenceNumber(), message));
    }

    /** The subject's alerts, oldest first. */
    private static List<Alert> alertsOf(String subject) {
        return read(() -> Alert.list("subject", Sort.by("openedAt").and("type"), subject));
    }

    /** A stock item with its own warehouse and SKU; its events are numbered and stamped a minute apart from T0. */
    private final class Item {
        final StockItemId id = StockItemId.of(unique("WH"), unique("SKU"));
        private long sequence;

        /** An item whose product has no reorder policy yet (reorder point 0). */
        Item() {
        }

        Item(int reorderPoint, int reorderQuantity) {
            Sku sku = id.sku();
            deliver(sku.aggregateId(), 0, new ProductRegistered(sku, sku.value(), "EA",
                    new ReorderPolicy(reorderPoint, reorderQuantity)), T0, projection::on);
        }

        <E> GenericDomainEventMessage<E> next(E event, Handler<E> handler) {
            long number = sequence++;
            return deliver(subject(), number, event, T0.plus(number, ChronoUnit.MINUTES), handler);
        }

        String subject() {
            return id.aggregateId();
        }

        String sku() {
            return id.sku().value();
        }

        String warehouse() {
            return id.warehouse().value();
        }
    }

    private static PurchaseOrderPlaced purchaseOrder(PurchaseOrderId order, SupplierCode supplier, LocalDate expected,
                                                     Sku sku) {
        return new PurchaseOrderPlaced(order, supplier, BER, expected,
                List.of(new PurchaseOrderLine(sku, Quantity.of(10), new Money(BigDecimal.ONE, "EUR"))));
    }

    /** One order per hour from T0 on, of the item's SKU from its warehouse; returns the orders' messages. */
    private List<GenericDomainEventMessage<OrderPlaced>> ordersPerHour(StockItemId item, int... unitsPerHour) {
        List<GenericDomainEventMessage<OrderPlaced>> orders = new ArrayList<>();
        for (int hour = 0; hour < unitsPerHour.length; hour++) {
            SalesOrderId order = SalesOrderId.random();
            orders.add(deliver(order.aggregateId(), 0, new OrderPlaced(order, "Bauhaus KG", item.warehouse(), TODAY,
                    List.of(new OrderLine(item.sku(), Quantity.of(unitsPerHour[hour])))),
                    T0.plus(hour, ChronoUnit.HOURS).plusSeconds(60), projection::on));
        }
        return orders;
    }

    /** A product registered after its stock arrived judges that stock by its new reorder point at once. */
    @Test
    void aProductRegisteredAfterItsStockOpensLowStock() {
        Item item = new Item();
        item.next(new StockReceived(item.id, Quantity.of(3), "DN"), projection::on);
        Sku sku = item.id.sku();
        deliver(sku.aggregateId(), 0, new ProductRegistered(sku, sku.value(), "EA", new ReorderPolicy(5, 10)),
                T0.plus(1, ChronoUnit.HOURS), projection::on);
        assertThat(alertsOf(item.subject())).extracting(alert -> alert.type, alert -> alert.open)
                .containsExactly(tuple(AlertType.LOW_STOCK, true));
    }

    /**
     * One processor batch: a purchase order makes its product's row before the product's own registration
     * arrives in the same batch, and a new stock item opens and resolves alerts. The batch loads its rows
     * together and knows which had none; a row made along the way is found, not made twice.
     */
    @Test
    void aBatchFindsTheRowsItMadeAlongTheWay() {
        Sku sku = new Sku(unique("SKU"));
        StockItemId item = StockItemId.of(unique("WH"), sku.value());
        PurchaseOrderId order = PurchaseOrderId.random();
        SupplierCode supplier = new SupplierCode(unique("SUP"));
        Map<EventMessage<?>, Runnable> calls = new LinkedHashMap<>();
        var placed = message(order.aggregateId(), 0, purchaseOrder(order, supplier, TODAY.plusDays(9), sku), T0);
        calls.put(placed, () -> projection.on(placed.getPayload(), 0, placed));
        var registered = message(sku.aggregateId(), 0,
                new ProductRegistered(sku, sku.value(), "EA", new ReorderPolicy(5, 10)), T0.plusSeconds(1));
        calls.put(registered, () -> projection.on(registered.getPayload(), 0, registered));
        var few = message(item.aggregateId(), 0, new StockReceived(item, Quantity.of(3), "DN"), T0.plusSeconds(2));
        calls.put(few, () -> projection.on(few.getPayload(), 0, few));
        var more = message(item.aggregateId(), 1, new StockReceived(item, Quantity.of(10), "DN"), T0.plusSeconds(3));
        calls.put(more, () -> projection.on(more.getPayload(), 1, more));
        var lost = message(item.aggregateId(), 2, new StockAdjusted(item, -13, AdjustmentReason.LOSS, "flood"),
                T0.plusSeconds(4));
        calls.put(lost, () -> projection.on(lost.getPayload(), 2, lost));

        asOneBatch(calls);

        AlertProduct product = read(() -> AlertProduct.findById(sku.aggregateId()));
        assertThat(product).extracting(p -> p.version, p -> p.reorderPoint, p -> p.lastSupplier)
                .containsExactly(0L, 5L, supplier.value());
        assertThat(alertsOf(item.aggregateId())).extracting(alert -> alert.type, alert -> alert.open)
                .containsExactly(tuple(AlertType.LOW_STOCK, false), tuple(AlertType.STOCKOUT, true));
        AlertStockItem stock = read(() -> AlertStockItem.findById(item.aggregateId()));
        assertThat(stock).extracting(s -> s.version, s -> s.onHand).containsExactly(2L, 0L);
    }

    /**
     * Low stock opens with a suggested reorder quantity and turns into a stockout, which resolves on a receipt;
     * a redelivered reservation and an event older than the item's version change nothing.
     */
    @Test
    void lowStockThenStockoutOpenAndResolveOnce() {
        Item item = new Item(10, 50);
        item.next(new StockReceived(item.id, Quantity.of(30), "DN"), projection::on);
        assertThat(alertsOf(item.subject())).as("30 available, above the reorder point").isEmpty();

        GenericDomainEventMessage<StockReserved> reserved =
                item.next(new StockReserved(item.id, "order:1/X", Quantity.of(25)), projection::on);
        redeliver(reserved, projection::on);
        assertThat(alertsOf(item.subject())).singleElement().satisfies(low -> {
            assertThat(low.type).isEqualTo(AlertType.LOW_STOCK);
            assertThat(low.open).isTrue();
            assertThat(low.suggestedReorderQuantity).as("10 - 5 + 50").isEqualTo(55L);
            assertThat(low.detail).isEqualTo("5 of " + item.sku() + " available in " + item.warehouse()
                    + ", at or below the reorder point 10");
            assertThat(low.causedBy).isEqualTo(reserved.getIdentifier());
            assertThat(low.openedAt).isEqualTo(reserved.getTimestamp());
            assertThat(low).extracting(a -> a.warehouse, a -> a.sku).containsExactly(item.warehouse(), item.sku());
        });
        assertThat(read(() -> AlertStockItem.<AlertStockItem>findById(item.subject()).reserved)).isEqualTo(25L);

        item.next(new StockIssued(item.id, "order:1/X", Quantity.of(25)), projection::on);
        GenericDomainEventMessage<StockAdjusted> damaged =
                item.next(new StockAdjusted(item.id, -5, AdjustmentReason.DAMAGE, "forklift"), projection::on);
        List<Alert> alerts = alertsOf(item.subject());
        assertThat(alerts).extracting(a -> a.type, a -> a.open)
                .containsExactly(tuple(AlertType.LOW_STOCK, false), tuple(AlertType.STOCKOUT, true));
        assertThat(alerts.get(0).causedBy.split(",")).as("the reservation and the issue kept it open").hasSize(2);
        assertThat(alerts.get(0).resolvedBy).isEqualTo(damaged.getIdentifier());
        assertThat(alerts.get(1).detail).isEqualTo("Nothing of " + item.sku() + " is available in " + item.warehouse()
                + " (0 on hand, 0 reserved)");

        GenericDomainEventMessage<StockReceived> restocked =
                item.next(new StockReceived(item.id, Quantity.of(100), "DN"), projection::on);
        deliver(item.subject(), 1, new StockAdjusted(item.id, -100, AdjustmentReason.LOSS, "stale"),
                T0.plus(1, ChronoUnit.HOURS), projection::on);
        assertThat(alertsOf(item.subject())).extracting(a -> a.type, a -> a.open, a -> a.resolvedBy).containsExactly(
                tuple(AlertType.LOW_STOCK, false, damaged.getIdentifier()),
                tuple(AlertType.STOCKOUT, false, restocked.getIdentifier()));
        assertThat(read(() -> AlertStockItem.<AlertStockItem>findById(item.subject()).onHand)).isEqualTo(100L);
    }

    /** Ordinary adjustments build the item's history silently; an outsized one is anomalous until the next ordinary one. */
    @Test
    void anOutsizedAdjustmentIsAnomalousUntilTheNextOrdinaryOne() {
        Item item = new Item();
        item.next(new StockReceived(item.id, Quantity.of(500), "DN"), projection::on);
        for (int delta : new int[] {-1, 2, -2, 1, -3, 2}) {
            item.next(new StockAdjusted(item.id, delta, AdjustmentReason.CYCLE_COUNT, null), projection::on);
        }
        assertThat(alertsOf(item.subject())).as("ordinary adjustments").isEmpty();

        GenericDomainEventMessage<StockAdjusted> outlier =
                item.next(new StockAdjusted(item.id, -40, AdjustmentReason.LOSS, "pallet missing"), projection::on);
        assertThat(alertsOf(item.subject())).singleElement().satisfies(anomaly -> {
            assertThat(anomaly).extracting(a -> a.type, a -> a.open, a -> a.causedBy, a -> a.sku)
                    .containsExactly(AlertType.ANOMALOUS_ADJUSTMENT, true, outlier.getIdentifier(), item.sku());
            assertThat(anomaly.detail).startsWith("An adjustment of 40 " + item.sku() + " in " + item.warehouse() + ";");
        });

        GenericDomainEventMessage<StockAdjusted> ordinary =
                item.next(new StockAdjusted(item.id, 1, AdjustmentReason.FOUND, null), projection::on);
        assertThat(alertsOf(item.subject())).extracting(a -> a.type, a -> a.open, a -> a.resolvedBy)
                .containsExactly(tuple(AlertType.ANOMALOUS_ADJUSTMENT, false, ordinary.getIdentifier()));
        assertThat(read(() -> AlertStockItem.<AlertStockItem>findById(item.subject())))
                .extracting(s -> s.adjustments, s -> s.onHand).containsExactly(8L, 460L);
    }

    /**
     * A purchase order placed after its expected day is overdue, a shipment whose estimate moves past its promise is
     * delayed; both resolve on arrival, and punctual ones stay silent.
     */
    @Test
    void overduePurchaseOrdersAndDelayedShipmentsAlertUntilTheyArrive() {
        SupplierCode supplier = new SupplierCode(unique("SUP"));
        Sku sku = new Sku(unique("SKU"));
        PurchaseOrderId late = PurchaseOrderId.random();
        PurchaseOrderId onTime = PurchaseOrderId.random();
        LocalDate expected = LocalDate.of(2026, 11, 18);
        deliver(late.aggregateId(), 0, purchaseOrder(late, supplier, expected, sku), T0, projection::on);
        deliver(onTime.aggregateId(), 0, purchaseOrder(onTime, supplier, TODAY.plusDays(30), sku), Instant.now(),
                projection::on);
        assertThat(alertsOf(late.aggregateId())).singleElement()
                .extracting(a -> a.type, a -> a.open, a -> a.warehouse, a -> a.detail)
                .containsExactly(AlertType.OVERDUE_PURCHASE_ORDER, true, "BER-1",
                        "Purchase order from " + supplier.value() + " was expected on 2026-11-18 and is still open");
        assertThat(alertsOf(onTime.aggregateId())).isEmpty();
        GenericDomainEventMessage<PurchaseOrderFullyReceived> arrived = deliver(late.aggregateId(), 1,
                new PurchaseOrderFullyReceived(late), T0.plus(2, ChronoUnit.HOURS), projection::on);
        assertThat(alertsOf(late.aggregateId())).extracting(a -> a.open, a -> a.resolvedBy, a -> a.resolvedAt)
                .containsExactly(tuple(false, arrived.getIdentifier(), arrived.getTimestamp()));

        ShipmentId delayed = ShipmentId.random();
        ShipmentId punctual = ShipmentId.random();
        for (ShipmentId shipment : List.of(delayed, punctual)) {
            deliver(shipment.aggregateId(), 0, new ShipmentCreated(shipment, SalesOrderId.random(), BER, "DHL", "JD1",
                    TODAY.plusDays(2)), Instant.now(), projection::on);
            deliver(shipment.aggregateId(), 1, new ShipmentDispatched(shipment, SalesOrderId.random(), Instant.now()),
                    Instant.now(), projection::on);
        }
        GenericDomainEventMessage<ShipmentDelayed> moved = deliver(delayed.aggregateId(), 2,
                new ShipmentDelayed(delayed, TODAY.plusDays(2), TODAY.plusDays(4), "storm"), Instant.now(), projection::on);
        assertThat(alertsOf(delayed.aggregateId())).singleElement()
                .extracting(a -> a.type, a -> a.open, a -> a.causedBy, a -> a.detail)
                .containsExactly(AlertType.DELAYED_SHIPMENT, true, moved.getIdentifier(),
                        "Shipment promised for " + TODAY.plusDays(2) + " now expected " + TODAY.plusDays(4));
        deliver(delayed.aggregateId(), 3, new ShipmentDelivered(delayed, SalesOrderId.random(), Instant.now(), "J. Doe"),
                Instant.now(), projection::on);
        assertThat(alertsOf(delayed.aggregateId())).extracting(a -> a.open).containsExactly(false);
        assertThat(alertsOf(punctual.aggregateId())).isEmpty();
    }

    /**
     * An hour with far more orders than the item's average is a spike until the next hour with orders; stock that
     * runs out before the SKU's supplier can deliver is a projected stockout until enough arrives; steady demand is silent.
     */
    @Test
    void demandSpikesAndProjectedStockoutsFollowTheHourlyOrders() {
        Item spiking = new Item();
        Item steady = new Item();
        GenericDomainEventMessage<OrderPlaced> spike = ordersPerHour(spiking.id, 5, 6, 4, 5, 60).get(4);
        redeliver(spike, projection::on);
        ordersPerHour(steady.id, 5, 6, 4, 5, 7);
        assertThat(alertsOf(spiking.subject())).singleElement().satisfies(alert -> {
            assertThat(alert).extracting(a -> a.type, a -> a.open, a -> a.causedBy, a -> a.warehouse)
                    .containsExactly(AlertType.DEMAND_SPIKE, true, spike.getIdentifier(), spiking.warehouse());
            assertThat(alert.detail).startsWith("60 " + spiking.sku() + " ordered from " + spiking.warehouse() + " this hour");
        });
        assertThat(read(() -> AlertDemand.<AlertDemand>findById(spiking.subject())))
                .extracting(d -> d.currentHourUnits, d -> d.hoursSeen).containsExactly(60L, 4L);
        assertThat(alertsOf(steady.subject())).isEmpty();

        SalesOrderId nextHour = SalesOrderId.random();
        deliver(nextHour.aggregateId(), 0, new OrderPlaced(nextHour, "Bauhaus KG", spiking.id.warehouse(), TODAY,
                List.of(new OrderLine(spiking.id.sku(), Quantity.of(5)))), T0.plus(5, ChronoUnit.HOURS), projection::on);
        assertThat(alertsOf(spiking.subject())).extracting(a -> a.open).containsExactly(false);

        SupplierCode supplier = new SupplierCode(unique("SUP"));
        Item scarce = new Item();
        deliver(supplier.aggregateId(), 0, new SupplierRegistered(supplier, "Slow AG", 10), T0, projection::on);
        PurchaseOrderId order = PurchaseOrderId.random();
        deliver(order.aggregateId(), 0, purchaseOrder(order, supplier, TODAY.plusDays(10), scarce.id.sku()), T0,
                projection::on);
        ordersPerHour(scarce.id, 10, 10, 10, 10, 10);
        // About 6 units an hour by now: 100 last under a day, 100,100 for years.
        scarce.next(new StockReceived(scarce.id, Quantity.of(100), "DN"), projection::on);
        assertThat(alertsOf(scarce.subject())).singleElement().satisfies(alert -> {
            assertThat(alert).extracting(a -> a.type, a -> a.open)
                    .containsExactly(AlertType.PROJECTED_STOCKOUT, true);
            assertThat(alert.detail).contains("the 100 " + scarce.sku() + " available in " + scarce.warehouse())
                    .endsWith("new stock takes 10 days from " + supplier.value());
        });
        scarce.next(new StockReceived(scarce.id, Quantity.of(100_000), "DN"), projection::on);
        assertThat(alertsOf(scarce.subject())).extracting(a -> a.open).containsExactly(false);
    }

    /**
     * The first event of a new day makes purchase orders still expected from an earlier day overdue and shipments
     * whose estimated day has passed delayed; later events of that day, or of an earlier one, leave the clock alone.
     * One transaction, rolled back: the clock the whole application shares is left as it was.
     */
    @Test
    void aNewEventDayMakesOverdueAndDelayedWhatIsStillExpected() throws Exception {
        LocalDate day = LocalDate.of(2020, 3, 10);
        Instant dayBefore = day.minusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        PurchaseOrderId order = PurchaseOrderId.random();
        ShipmentId shipment = ShipmentId.random();
        transaction.begin();
        try {
            EventDay.current(rows).eventDay = day.minusDays(1);
            call(order.aggregateId(), 0, purchaseOrder(order, new SupplierCode("ACME"), day.minusDays(1), new Sku("BOLT")),
                    dayBefore, projection::on);
            call(shipment.aggregateId(), 0, new ShipmentCreated(shipment, SalesOrderId.random(), BER, "DHL", "JD1",
                    day.minusDays(1)), dayBefore, projection::on);
            call(shipment.aggregateId(), 1, new ShipmentDispatched(shipment, SalesOrderId.random(), dayBefore), dayBefore,
                    projection::on);
            rows.write();
            assertThat(Alert.count("subject in ?1", List.of(order.aggregateId(), shipment.aggregateId())))
                    .as("expected today: not late yet").isZero();

            List<EventMessage<?>> ticks = new ArrayList<>();
            for (Instant at : List.of(day.atTime(0, 5).toInstant(ZoneOffset.UTC),
                    day.atTime(9, 0).toInstant(ZoneOffset.UTC), day.minusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC))) {
                SalesOrderId any = SalesOrderId.random();
                EventMessage<?> tick = message(any.aggregateId(), 1, new OrderAllocated(any), at);
                clock.on(tick.getPayload(), tick);
                ticks.add(tick);
            }

            assertThat(EventDay.current(rows).eventDay).isEqualTo(day);
            rows.write();
            Alert overdue = Alert.find("subject", order.aggregateId()).singleResult();
            assertThat(overdue).extracting(a -> a.type, a -> a.open, a -> a.causedBy, a -> a.openedAt).containsExactly(
                    AlertType.OVERDUE_PURCHASE_ORDER, true, ticks.get(0).getIdentifier(), ticks.get(0).getTimestamp());
            Alert delayed = Alert.find("subject", shipment.aggregateId()).singleResult();
            assertThat(delayed).extracting(a -> a.type, a -> a.open, a -> a.causedBy)
                    .containsExactly(AlertType.DELAYED_SHIPMENT, true, ticks.get(0).getIdentifier());
            assertThat(delayed.detail).endsWith(", and that day has passed");
        } finally {
            transaction.rollback();
        }
    }

    /**
     * One event can open the same type of alert for several subjects: here a raised reorder point makes
     * the SKU low in two warehouses at once (so can a new day for two purchase orders, or one order for
     * two items). Each subject gets its own alert.
     */
    @Test
    void oneEventOpensTheSameTypeOfAlertForTwoSubjects() {
        Sku sku = new Sku(unique("SKU"));
        deliver(sku.aggregateId(), 0, new ProductRegistered(sku, sku.value(), "EA", new ReorderPolicy(1, 10)), T0,
                projection::on);
        List<StockItemId> items = List.of(new StockItemId(new WarehouseCode(unique("WH")), sku),
                new StockItemId(new WarehouseCode(unique("WH")), sku));
        for (StockItemId item : items) {
            deliver(item.aggregateId(), 0, new StockReceived(item, Quantity.of(5), "DN"), T0, projection::on);
        }
        deliver(sku.aggregateId(), 1, new ReorderPolicyChanged(sku, new ReorderPolicy(10, 10)), T0.plusSeconds(60),
                projection::on);
        for (StockItemId item : items) {
            assertThat(alertsOf(item.aggregateId())).extracting(a -> a.type, a -> a.open)
                    .containsExactly(tuple(AlertType.LOW_STOCK, true));
        }
    }
}
