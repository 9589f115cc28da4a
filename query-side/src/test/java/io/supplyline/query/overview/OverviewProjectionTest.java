package io.supplyline.query.overview;

import static io.supplyline.query.projection.HandlerCalls.inNewTransaction;
import static io.supplyline.query.projection.HandlerCalls.message;
import static io.supplyline.query.projection.HandlerCalls.read;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Money;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.OrderAllocated;
import io.supplyline.events.fulfilment.OrderCancelled;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.PurchaseOrderLine;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.events.purchasing.ReceivedLine;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentExceptionReported;
import io.supplyline.events.shipping.ShipmentExceptionType;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.warehouse.WarehouseCode;

/** The overview's handler, called directly: each aggregate counted under its latest status, each event once per hour. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class OverviewProjectionTest {

    private static final WarehouseCode BER = new WarehouseCode("BER-1");
    private static final Sku BOLT = new Sku("BOLT");

    @Inject
    OverviewProjection projection;
    @Inject
    OverviewTally tally;

    /** An hour no other test stamps its events with, so its throughput is this test's alone. */
    private static Instant unusedHour() {
        return Instant.parse("2001-01-01T00:00:00Z").plus(ThreadLocalRandom.current().nextInt(150_000), ChronoUnit.HOURS);
    }

    private static OrderPlaced placed(SalesOrderId order) {
        return new OrderPlaced(order, "Bauhaus KG", BER, LocalDate.of(2026, 12, 3),
                List.of(new OrderLine(BOLT, Quantity.of(3))));
    }

    private void deliver(EventMessage<?> message) {
        projection.on(message.getPayload(), message);
    }

    /**
     * The counters' totals, read with the rows locked until the transaction ends: the app's own overview
     * processor (fed by other tests through Kafka) cannot move them between two readings.
     */
    private static Map<String, Long> lockedTotals(List<String> counters) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String counter : counters) {
            List<?> rows = OverviewCount.getEntityManager()
                    .createNativeQuery("select total from overview_count where counter = ?1 for update")
                    .setParameter(1, counter).getResultList();
            totals.put(counter, rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue());
        }
        return totals;
    }

    private static Map<String, Long> throughput(Instant hour) {
        return read(() -> HourlyThroughput.<HourlyThroughput>list("key.hourStart", hour).stream()
                .collect(toMap(row -> row.key.metric(), row -> row.total)));
    }

    private static SeenAggregate seen(String aggregateId) {
        return read(() -> SeenAggregate.findById(aggregateId));
    }

    /** Each aggregate moves from one status counter to the next; events without a status leave the counts alone. */
    @Test
    void eachAggregateIsCountedOnceUnderItsLatestStatus() {
        List<String> counters = List.of("orders.PLACED", "orders.ALLOCATED", "orders.CANCELLED", "shipments.CREATED",
                "shipments.DISPATCHED", "shipments.VOID", "purchase-orders.OPEN", "purchase-orders.PARTIALLY_RECEIVED");
        SalesOrderId cancelled = SalesOrderId.random();
        SalesOrderId open = SalesOrderId.random();
        ShipmentId dispatched = ShipmentId.random();
        ShipmentId voided = ShipmentId.random();
        PurchaseOrderId purchase = PurchaseOrderId.random();
        Instant at = unusedHour();
        inNewTransaction(() -> {
            Map<String, Long> before = lockedTotals(counters);
            deliver(message(cancelled.aggregateId(), 0, placed(cancelled), at));
            deliver(message(cancelled.aggregateId(), 1, new OrderAllocated(cancelled), at));
            deliver(message(cancelled.aggregateId(), 2, new OrderCancelled(cancelled, "changed mind"), at));
            deliver(message(open.aggregateId(), 0, placed(open), at));
            deliver(message(dispatched.aggregateId(), 0, new ShipmentCreated(dispatched, open, BER, "DHL", "JD1",
                    LocalDate.of(2026, 12, 3)), at));
            deliver(message(dispatched.aggregateId(), 1, new ShipmentDispatched(dispatched, open, at), at));
            deliver(message(dispatched.aggregateId(), 2,
                    new ShipmentExceptionReported(dispatched, ShipmentExceptionType.CUSTOMS_HOLD, "papers"), at));
            deliver(message(voided.aggregateId(), 0, new ShipmentCreated(voided, cancelled, BER, "DHL", "JD2",
                    LocalDate.of(2026, 12, 3)), at));
            deliver(message(voided.aggregateId(), 1,
                    new ShipmentExceptionReported(voided, ShipmentExceptionType.ORDER_CANCELLED, null), at));
            deliver(message(purchase.aggregateId(), 0, new PurchaseOrderPlaced(purchase, new SupplierCode("ACME"), BER,
                    LocalDate.of(2026, 12, 1), List.of(new PurchaseOrderLine(BOLT, Quantity.of(10),
                    new Money(BigDecimal.ONE, "EUR")))), at));
            deliver(message(purchase.aggregateId(), 1, new GoodsReceived(purchase, BER,
                    List.of(new ReceivedLine(BOLT, Quantity.of(4)))), at));
            // What the commit would write, written now, while this transaction still holds the counters.
            tally.writePending();
            Map<String, Long> after = lockedTotals(counters);

            Map<String, Long> change = new LinkedHashMap<>();
            counters.forEach(counter -> change.put(counter, after.get(counter) - before.get(counter)));
            assertThat(change).containsExactly(Map.entry("orders.PLACED", 1L), Map.entry("orders.ALLOCATED", 0L),
                    Map.entry("orders.CANCELLED", 1L), Map.entry("shipments.CREATED", 0L),
                    Map.entry("shipments.DISPATCHED", 1L), Map.entry("shipments.VOID", 1L),
                    Map.entry("purchase-orders.OPEN", 0L), Map.entry("purchase-orders.PARTIALLY_RECEIVED", 1L));
        });
        assertThat(seen(cancelled.aggregateId()).counter).isEqualTo("orders.CANCELLED");
        assertThat(seen(dispatched.aggregateId())).extracting(s -> s.counter, s -> s.version)
                .containsExactly("shipments.DISPATCHED", 2L);
        assertThat(seen(voided.aggregateId()).counter).isEqualTo("shipments.VOID");
    }

    /**
     * Events count towards the hour of their own timestamp, once: a redelivered or older event and an event
     * that is no aggregate's are not counted, and do not move the aggregate's status.
     */
    @Test
    void eachEventCountsOnceTowardsTheHourItHappenedIn() {
        Instant hour = unusedHour();
        SalesOrderId order = SalesOrderId.random();
        StockItemId item = StockItemId.of("WH-" + UUID.randomUUID().toString().substring(0, 8), "BOLT");
        EventMessage<?> placed = message(order.aggregateId(), 0, placed(order), hour.plusSeconds(60));
        inNewTransaction(() -> deliver(placed));
        inNewTransaction(() -> deliver(placed));
        inNewTransaction(() -> deliver(message(order.aggregateId(), 1, new OrderAllocated(order), hour.plusSeconds(120))));
        inNewTransaction(() -> deliver(message(order.aggregateId(), 0, placed(order), hour.plusSeconds(180))));
        inNewTransaction(() -> deliver(message(item.aggregateId(), 0,
                new StockAdjusted(item, -2, AdjustmentReason.DAMAGE, null), hour.plusSeconds(3599))));
        inNewTransaction(() -> deliver(new GenericEventMessage<>(UUID.randomUUID().toString(),
                new OrderAllocated(order), MetaData.emptyInstance(), hour.plusSeconds(240))));
        inNewTransaction(() -> deliver(message(order.aggregateId(), 2, new OrderCancelled(order, "late"),
                hour.plusSeconds(3600))));

        assertThat(throughput(hour)).containsOnly(Map.entry("events", 3L), Map.entry("ordersPlaced", 1L),
                Map.entry("adjustments", 1L));
        assertThat(throughput(hour.plusSeconds(3600))).containsOnly(Map.entry("events", 1L));
        assertThat(seen(order.aggregateId())).extracting(s -> s.counter, s -> s.version)
                .containsExactly("orders.CANCELLED", 2L);
        assertThat(seen(item.aggregateId())).extracting(s -> s.counter, s -> s.version).containsExactly(null, 0L);
    }
}
