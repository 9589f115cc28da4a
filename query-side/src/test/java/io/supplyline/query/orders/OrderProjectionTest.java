package io.supplyline.query.orders;

import static io.supplyline.query.projection.HandlerCalls.inNewTransaction;
import static io.supplyline.query.projection.HandlerCalls.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.OrderAllocated;
import io.supplyline.events.fulfilment.OrderBackordered;
import io.supplyline.events.fulfilment.OrderCancelled;
import io.supplyline.events.fulfilment.OrderDelivered;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.OrderShipped;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.warehouse.WarehouseCode;

/** The order board's handlers, called directly: one row per order, its status following the order's events. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class OrderProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final LocalDate REQUESTED = LocalDate.of(2026, 12, 3);

    @Inject
    OrderProjection projection;

    private static Instant hour(int hours) {
        return T0.plus(hours, ChronoUnit.HOURS);
    }

    private static OrderPlaced placed(SalesOrderId order, String customer) {
        return new OrderPlaced(order, customer, new WarehouseCode("BER-1"), REQUESTED,
                List.of(new OrderLine(new Sku("BOLT"), Quantity.of(3)), new OrderLine(new Sku("NUT"), Quantity.of(4))));
    }

    private static OrderRow row(SalesOrderId order) {
        return read(() -> OrderRow.findById(order.aggregateId()));
    }

    /** A placed order's row carries its customer, warehouse, line count, units and dates. */
    @Test
    void aPlacedOrderCarriesWhatWasOrdered() {
        SalesOrderId order = SalesOrderId.random();
        inNewTransaction(() -> projection.on(placed(order, "Bauhaus KG"), 0, T0));

        OrderRow row = row(order);
        assertThat(row.status).isEqualTo(OrderStatus.PLACED);
        assertThat(row.customer).isEqualTo("Bauhaus KG");
        assertThat(row.warehouse).isEqualTo("BER-1");
        assertThat(row.lineCount).isEqualTo(2);
        assertThat(row.units).isEqualTo(7);
        assertThat(row.requestedDeliveryDate).isEqualTo(REQUESTED);
        assertThat(row.placedAt).isEqualTo(T0);
        assertThat(row.shipmentId).isNull();
        assertThat(row.version).isZero();
    }

    /** Backordered, allocated, shipped (with its shipment), delivered; or cancelled. */
    @Test
    void theStatusFollowsTheOrdersLifecycle() {
        SalesOrderId order = SalesOrderId.random();
        ShipmentId shipment = ShipmentId.random();
        inNewTransaction(() -> projection.on(placed(order, "Bauhaus KG"), 0, hour(0)));
        inNewTransaction(() -> projection.on(new OrderBackordered(order,
                List.of(new OrderLine(new Sku("NUT"), Quantity.of(4)))), 1, hour(1)));
        assertThat(row(order).status).isEqualTo(OrderStatus.BACKORDERED);
        inNewTransaction(() -> projection.on(new OrderAllocated(order), 2, hour(2)));
        assertThat(row(order).status).isEqualTo(OrderStatus.ALLOCATED);
        inNewTransaction(() -> projection.on(new OrderShipped(order, shipment), 3, hour(3)));
        assertThat(row(order)).extracting(r -> r.status, r -> r.shipmentId)
                .containsExactly(OrderStatus.SHIPPED, shipment.aggregateId());
        inNewTransaction(() -> projection.on(new OrderDelivered(order, shipment, hour(4)), 4, hour(4)));
        assertThat(row(order)).extracting(r -> r.status, r -> r.version, r -> r.updatedAt, r -> r.placedAt)
                .containsExactly(OrderStatus.DELIVERED, 4L, hour(4), hour(0));

        SalesOrderId cancelled = SalesOrderId.random();
        inNewTransaction(() -> {
            projection.on(placed(cancelled, "Obi AG"), 0, hour(0));
            projection.on(new OrderCancelled(cancelled, "customer changed their mind"), 1, hour(1));
        });
        assertThat(row(cancelled).status).isEqualTo(OrderStatus.CANCELLED);
    }

    /** An event delivered again (same sequence number) or one older than the row's version leaves the row alone. */
    @Test
    void aRedeliveredOrOlderEventLeavesTheRowAsItWas() {
        SalesOrderId order = SalesOrderId.random();
        inNewTransaction(() -> projection.on(placed(order, "Bauhaus KG"), 0, hour(0)));
        inNewTransaction(() -> projection.on(placed(order, "Somebody Else GmbH"), 0, hour(1)));
        assertThat(row(order)).extracting(r -> r.customer, r -> r.placedAt, r -> r.updatedAt)
                .containsExactly("Bauhaus KG", hour(0), hour(0));

        inNewTransaction(() -> projection.on(new OrderAllocated(order), 1, hour(2)));
        inNewTransaction(() -> projection.on(placed(order, "Bauhaus KG"), 0, hour(3)));
        inNewTransaction(() -> projection.on(new OrderCancelled(order, "stale"), 1, hour(4)));
        assertThat(row(order)).extracting(r -> r.status, r -> r.version, r -> r.updatedAt)
                .containsExactly(OrderStatus.ALLOCATED, 1L, hour(2));
    }
}
