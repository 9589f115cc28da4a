package io.supplyline.command.shipping;

import static io.supplyline.command.rules.Rejections.rejectedWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import io.supplyline.command.lookup.FulfilmentStatus;
import io.supplyline.command.lookup.OrderLookup.OrderView;
import io.supplyline.command.lookup.OrderLookup;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.DuplicateRegistration;
import io.supplyline.command.rules.UnknownReference;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.shipping.ShipmentCheckpointRecorded;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelayed;
import io.supplyline.events.shipping.ShipmentDelivered;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentExceptionReported;
import io.supplyline.events.shipping.ShipmentExceptionType;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.warehouse.WarehouseCode;

class ShipmentTest {

    private static final ShipmentId SHIPMENT = ShipmentId.random();
    private static final SalesOrderId ORDER = SalesOrderId.random();
    private static final WarehouseCode BER = new WarehouseCode("BER-1");
    private static final LocalDate PROMISED = LocalDate.of(2026, 12, 3);
    private static final Instant DISPATCH = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant ARRIVAL = Instant.parse("2026-12-02T15:00:00Z");
    private static final ShipmentCreated CREATED =
            new ShipmentCreated(SHIPMENT, ORDER, BER, "DHL", "JD0001", PROMISED);
    private static final ShipmentDispatched DISPATCHED = new ShipmentDispatched(SHIPMENT, ORDER, DISPATCH);

    private static AggregateTestFixture<Shipment> fixture(FulfilmentStatus orderStatus, Optional<ShipmentId> shipment) {
        AggregateTestFixture<Shipment> fixture = new AggregateTestFixture<>(Shipment.class);
        OrderLookup orders = order -> order.equals(ORDER)
                ? Optional.of(new OrderView(BER, orderStatus, shipment)) : Optional.empty();
        fixture.registerInjectableResource(orders);
        return fixture;
    }

    private static AggregateTestFixture<Shipment> fixture() {
        return fixture(FulfilmentStatus.ALLOCATED, Optional.empty());
    }

    private static CreateShipment create(SalesOrderId order) {
        return new CreateShipment(SHIPMENT, order, "DHL", "JD0001", PROMISED);
    }

    @Test
    void anAllocatedOrderGetsAShipmentFromItsWarehouse() {
        fixture().givenNoPriorActivity()
                .when(create(ORDER))
                .expectEvents(CREATED)
                .expectResultMessagePayload(SHIPMENT.aggregateId());
    }

    @Test
    void onlyAKnownAllocatedOrderWithoutAShipmentShips() {
        fixture().givenNoPriorActivity()
                .when(create(SalesOrderId.random()))
                .expectException(rejectedWith(UnknownReference.class, "UNKNOWN_ORDER"));
        fixture(FulfilmentStatus.BACKORDERED, Optional.empty()).givenNoPriorActivity()
                .when(create(ORDER))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "ORDER_NOT_ALLOCATED"));
        fixture(FulfilmentStatus.CANCELLED, Optional.empty()).givenNoPriorActivity()
                .when(create(ORDER))
                .expectException(rejectedWith(BusinessRuleViolation.class, "ORDER_CANCELLED"));
        fixture(FulfilmentStatus.SHIPPED, Optional.empty()).givenNoPriorActivity()
                .when(create(ORDER))
                .expectException(rejectedWith(BusinessRuleViolation.class, "ORDER_ALREADY_SHIPPED"));
        fixture(FulfilmentStatus.ALLOCATED, Optional.of(ShipmentId.random())).givenNoPriorActivity()
                .when(create(ORDER))
                .expectException(rejectedWith(DuplicateRegistration.class, "ORDER_HAS_SHIPMENT"));
    }

    @Test
    void aShipmentIsDispatchedOnceAndOnlyWhileItsOrderIsAllocated() {
        fixture().given(CREATED)
                .when(new DispatchShipment(SHIPMENT, DISPATCH))
                .expectEvents(DISPATCHED)
                .expectResultMessagePayload(1L);
        fixture().given(CREATED, DISPATCHED)
                .when(new DispatchShipment(SHIPMENT, DISPATCH))
                .expectException(rejectedWith(BusinessRuleViolation.class, "SHIPMENT_ALREADY_DISPATCHED"));
        fixture(FulfilmentStatus.CANCELLED, Optional.of(SHIPMENT)).given(CREATED)
                .when(new DispatchShipment(SHIPMENT, DISPATCH))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "ORDER_CANCELLED"));
    }

    @Test
    void checkpointsAndDeliveryComeAfterDispatch() {
        fixture().given(CREATED)
                .when(new RecordCheckpoint(SHIPMENT, "Leipzig hub", DISPATCH, null))
                .expectException(rejectedWith(BusinessRuleViolation.class, "SHIPMENT_NOT_DISPATCHED"));
        fixture().given(CREATED)
                .when(new ConfirmDelivery(SHIPMENT, ARRIVAL, "J. Doe"))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "SHIPMENT_NOT_DISPATCHED"));
        fixture().given(CREATED, DISPATCHED)
                .when(new RecordCheckpoint(SHIPMENT, "Leipzig hub", ARRIVAL, "sorted"))
                .expectEvents(new ShipmentCheckpointRecorded(SHIPMENT, "Leipzig hub", ARRIVAL, "sorted"));
        fixture().given(CREATED, DISPATCHED)
                .when(new ConfirmDelivery(SHIPMENT, ARRIVAL, "J. Doe"))
                .expectEvents(new ShipmentDelivered(SHIPMENT, ORDER, ARRIVAL, "J. Doe"));
        fixture().given(CREATED, DISPATCHED)
                .when(new ConfirmDelivery(SHIPMENT, DISPATCH.minusSeconds(1), "J. Doe"))
                .expectException(rejectedWith(BusinessRuleViolation.class, "DELIVERY_BEFORE_DISPATCH"));
    }

    @Test
    void nothingHappensToADeliveredShipment() {
        var delivered = new ShipmentDelivered(SHIPMENT, ORDER, ARRIVAL, "J. Doe");
        fixture().given(CREATED, DISPATCHED, delivered)
                .when(new ConfirmDelivery(SHIPMENT, ARRIVAL, "J. Doe"))
                .expectException(rejectedWith(BusinessRuleViolation.class, "SHIPMENT_ALREADY_DELIVERED"));
        fixture().given(CREATED, DISPATCHED, delivered)
                .when(new ReportDelay(SHIPMENT, PROMISED.plusDays(2), "storm"))
                .expectException(rejectedWith(BusinessRuleViolation.class, "SHIPMENT_ALREADY_DELIVERED"));
        fixture().given(CREATED, DISPATCHED, delivered)
                .when(new ReportShipmentException(SHIPMENT, ShipmentExceptionType.DAMAGED, "dent"))
                .expectException(rejectedWith(BusinessRuleViolation.class, "SHIPMENT_ALREADY_DELIVERED"));
    }

    @Test
    void aDelayMovesTheEtaLater() {
        fixture().given(CREATED, DISPATCHED)
                .when(new ReportDelay(SHIPMENT, PROMISED.plusDays(2), "storm"))
                .expectEvents(new ShipmentDelayed(SHIPMENT, PROMISED, PROMISED.plusDays(2), "storm"));
        fixture().given(CREATED, DISPATCHED, new ShipmentDelayed(SHIPMENT, PROMISED, PROMISED.plusDays(2), "storm"))
                .when(new ReportDelay(SHIPMENT, PROMISED.plusDays(1), "better"))
                .expectException(rejectedWith(BusinessRuleViolation.class, "DELAY_NOT_LATER"));
    }

    @Test
    void callersReportExceptionsButOnlyTheProcessVoidsAShipment() {
        fixture().given(CREATED, DISPATCHED)
                .when(new ReportShipmentException(SHIPMENT, ShipmentExceptionType.CUSTOMS_HOLD, "papers"))
                .expectEvents(new ShipmentExceptionReported(SHIPMENT, ShipmentExceptionType.CUSTOMS_HOLD, "papers"));
        fixture().given(CREATED)
                .when(new ReportShipmentException(SHIPMENT, ShipmentExceptionType.ORDER_CANCELLED, "sneaky"))
                .expectException(rejectedWith(BusinessRuleViolation.class, "EXCEPTION_TYPE_RESERVED"));
        var voided = new ShipmentExceptionReported(SHIPMENT, ShipmentExceptionType.ORDER_CANCELLED, "cancelled");
        fixture().given(CREATED)
                .when(new VoidShipment(SHIPMENT, "cancelled"))
                .expectEvents(voided);
        fixture().given(CREATED, voided)
                .when(new DispatchShipment(SHIPMENT, DISPATCH))
                .expectException(rejectedWith(BusinessRuleViolation.class, "SHIPMENT_VOID"));
        fixture().given(CREATED, DISPATCHED, voided)
                .when(new ConfirmDelivery(SHIPMENT, ARRIVAL, "J. Doe"))
                .expectException(rejectedWith(BusinessRuleViolation.class, "SHIPMENT_VOID"));
    }
}
