package io.supplyline.command.fulfilment;

import static io.supplyline.command.rules.Rejections.rejectedWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import io.supplyline.command.lookup.CatalogLookup;
import io.supplyline.command.lookup.CatalogMother;
import io.supplyline.command.lookup.FulfilmentStatus;
import io.supplyline.command.lookup.OrderLookup.OrderView;
import io.supplyline.command.lookup.OrderLookup;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.UnknownReference;
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

class SalesOrderTest {

    private static final SalesOrderId ORDER = SalesOrderId.random();
    private static final WarehouseCode BER = new WarehouseCode("BER-1");
    private static final LocalDate WANTED = LocalDate.of(2026, 12, 3);
    private static final List<OrderLine> LINES =
            List.of(new OrderLine(new Sku("BOLT"), Quantity.of(20)), new OrderLine(new Sku("NUT"), Quantity.of(20)));
    private static final OrderPlaced PLACED = new OrderPlaced(ORDER, "Bauhaus KG", BER, WANTED, LINES);

    private static AggregateTestFixture<SalesOrder> fixture(CatalogLookup catalog) {
        AggregateTestFixture<SalesOrder> fixture = new AggregateTestFixture<>(SalesOrder.class);
        fixture.registerInjectableResource(catalog);
        // The order lookup as it stands before any shipment leaves: the order alone decides.
        fixture.registerInjectableResource((OrderLookup) order -> Optional.empty());
        return fixture;
    }

    private static AggregateTestFixture<SalesOrder> fixture() {
        return fixture(CatalogMother.knowing(Set.of("BOLT", "NUT"), Set.of("BER-1")));
    }

    @Test
    void anOrderForKnownProductsFromAKnownWarehouseIsPlaced() {
        fixture().givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, "Bauhaus KG", BER, WANTED, LINES))
                .expectEvents(PLACED)
                .expectResultMessagePayload(ORDER.aggregateId());
    }

    @Test
    void anOrderMayNameOnlyProductsThatExist() {
        fixture(CatalogMother.knowing(Set.of("BOLT"), Set.of("BER-1"))).givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, "Bauhaus KG", BER, WANTED, LINES))
                .expectNoEvents()
                .expectException(rejectedWith(UnknownReference.class, "UNKNOWN_PRODUCT"));
    }

    @Test
    void anOrderMayNameOnlyAWarehouseThatExists() {
        fixture(CatalogMother.knowing(Set.of("BOLT", "NUT"), Set.of())).givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, "Bauhaus KG", BER, WANTED, LINES))
                .expectException(rejectedWith(UnknownReference.class, "UNKNOWN_WAREHOUSE"));
    }

    @Test
    void anOrderNeedsLinesEachSkuOnce() {
        fixture().givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, "Bauhaus KG", BER, WANTED, List.of()))
                .expectException(rejectedWith(BusinessRuleViolation.class, "NO_LINES"));
        fixture().givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, "Bauhaus KG", BER, WANTED, List.of(LINES.get(0), LINES.get(0))))
                .expectException(rejectedWith(BusinessRuleViolation.class, "DUPLICATE_LINE"));
    }

    @Test
    void anOrderCanBeCancelledOnce() {
        fixture().given(PLACED)
                .when(new CancelOrder(ORDER, "customer changed plans"))
                .expectEvents(new OrderCancelled(ORDER, "customer changed plans"))
                .expectResultMessagePayload(1L);
        fixture().given(PLACED, new OrderCancelled(ORDER, "first"))
                .when(new CancelOrder(ORDER, "again"))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "ORDER_ALREADY_CANCELLED"));
    }

    private static final ShipmentId SHIPMENT = ShipmentId.random();
    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aPlacedOrderIsAllocatedOrBackorderedAndABackorderedOneLaterAllocated() {
        fixture().given(PLACED)
                .when(new AllocateOrder(ORDER))
                .expectEvents(new OrderAllocated(ORDER));
        fixture().given(PLACED)
                .when(new BackorderOrder(ORDER, LINES))
                .expectEvents(new OrderBackordered(ORDER, LINES));
        fixture().given(PLACED, new OrderBackordered(ORDER, LINES))
                .when(new AllocateOrder(ORDER))
                .expectEvents(new OrderAllocated(ORDER));
        fixture().given(PLACED, new OrderAllocated(ORDER))
                .when(new AllocateOrder(ORDER))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "ORDER_ALREADY_ALLOCATED"));
        fixture().given(PLACED, new OrderCancelled(ORDER, "gone"))
                .when(new AllocateOrder(ORDER))
                .expectException(rejectedWith(BusinessRuleViolation.class, "ORDER_CANCELLED"));
    }

    @Test
    void onlyAnAllocatedOrderShipsAndOnlyAShippedOneIsDelivered() {
        fixture().given(PLACED, new OrderAllocated(ORDER))
                .when(new ShipOrder(ORDER, SHIPMENT))
                .expectEvents(new OrderShipped(ORDER, SHIPMENT));
        fixture().given(PLACED, new OrderBackordered(ORDER, LINES))
                .when(new ShipOrder(ORDER, SHIPMENT))
                .expectException(rejectedWith(BusinessRuleViolation.class, "ORDER_NOT_ALLOCATED"));
        fixture().given(PLACED, new OrderAllocated(ORDER), new OrderCancelled(ORDER, "gone"))
                .when(new ShipOrder(ORDER, SHIPMENT))
                .expectException(rejectedWith(BusinessRuleViolation.class, "ORDER_CANCELLED"));
        fixture().given(PLACED, new OrderAllocated(ORDER), new OrderShipped(ORDER, SHIPMENT))
                .when(new DeliverOrder(ORDER, SHIPMENT, NOON))
                .expectEvents(new OrderDelivered(ORDER, SHIPMENT, NOON));
        fixture().given(PLACED, new OrderAllocated(ORDER))
                .when(new DeliverOrder(ORDER, SHIPMENT, NOON))
                .expectException(rejectedWith(BusinessRuleViolation.class, "ORDER_NOT_SHIPPED"));
    }

    @Test
    void anOrderWhoseShipmentWasDispatchedCanNoLongerBeCancelled() {
        OrderLookup dispatched = order -> Optional.of(new OrderView(BER, FulfilmentStatus.SHIPPED, Optional.of(SHIPMENT)));
        AggregateTestFixture<SalesOrder> fixture = new AggregateTestFixture<>(SalesOrder.class);
        fixture.registerInjectableResource(CatalogMother.knowing(Set.of("BOLT", "NUT"), Set.of("BER-1")));
        fixture.registerInjectableResource(dispatched);
        fixture.given(PLACED, new OrderAllocated(ORDER))
                .when(new CancelOrder(ORDER, "too late"))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "ORDER_ALREADY_SHIPPED"));
    }

    @Test
    void aShippedOrderCanNoLongerBeCancelled() {
        fixture().given(PLACED, new OrderAllocated(ORDER), new OrderShipped(ORDER, SHIPMENT))
                .when(new CancelOrder(ORDER, "too late"))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "ORDER_ALREADY_SHIPPED"));
        fixture().given(PLACED, new OrderAllocated(ORDER))
                .when(new CancelOrder(ORDER, "in time"))
                .expectEvents(new OrderCancelled(ORDER, "in time"));
    }
}
