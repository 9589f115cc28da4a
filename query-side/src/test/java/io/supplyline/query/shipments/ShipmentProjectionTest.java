package io.supplyline.query.shipments;

import static io.supplyline.query.projection.HandlerCalls.inNewTransaction;
import static io.supplyline.query.projection.HandlerCalls.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
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

/** The shipment board's handlers, called directly: status, estimate, checkpoints and exceptions per shipment. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class ShipmentProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final LocalDate PROMISED = LocalDate.of(2026, 11, 23);

    @Inject
    ShipmentProjection projection;

    private static Instant hour(int hours) {
        return T0.plus(hours, ChronoUnit.HOURS);
    }

    private static ShipmentCreated created(ShipmentId shipment, SalesOrderId order) {
        return new ShipmentCreated(shipment, order, new WarehouseCode("BER-1"), "DHL", "JD0001", PROMISED);
    }

    private static ShipmentRow row(ShipmentId shipment) {
        return read(() -> ShipmentRow.findById(shipment.aggregateId()));
    }

    /** Created, dispatched, two checkpoints, a delay that moves the estimate but not the promise, delivered. */
    @Test
    void aShipmentTravelsFromCreatedToDelivered() {
        ShipmentId shipment = ShipmentId.random();
        SalesOrderId order = SalesOrderId.random();
        inNewTransaction(() -> projection.on(created(shipment, order), 0, hour(0)));
        ShipmentRow row = row(shipment);
        assertThat(row).extracting(r -> r.status, r -> r.orderId, r -> r.warehouse, r -> r.carrier, r -> r.trackingNumber,
                r -> r.promisedDeliveryDate, r -> r.eta).containsExactly(ShipmentStatus.CREATED, order.aggregateId(),
                "BER-1", "DHL", "JD0001", PROMISED, PROMISED);

        inNewTransaction(() -> {
            projection.on(new ShipmentDispatched(shipment, order, hour(1).minusSeconds(60)), 1, hour(1));
            projection.on(new ShipmentCheckpointRecorded(shipment, "Leipzig hub", hour(2), null), 2, hour(2));
            projection.on(new ShipmentCheckpointRecorded(shipment, "Berlin hub", hour(3), "on time"), 3, hour(3));
            projection.on(new ShipmentDelayed(shipment, PROMISED, PROMISED.plusDays(2), "storm"), 4, hour(4));
        });
        row = row(shipment);
        assertThat(row).extracting(r -> r.status, r -> r.dispatchedAt, r -> r.checkpoints, r -> r.lastLocation,
                r -> r.lastCheckpointAt, r -> r.promisedDeliveryDate, r -> r.eta).containsExactly(
                ShipmentStatus.DISPATCHED, hour(1).minusSeconds(60), 2, "Berlin hub", hour(3), PROMISED, PROMISED.plusDays(2));

        inNewTransaction(() -> projection.on(new ShipmentDelivered(shipment, order, hour(5), "J. Doe"), 5, hour(6)));
        assertThat(row(shipment)).extracting(r -> r.status, r -> r.deliveredAt, r -> r.version, r -> r.updatedAt)
                .containsExactly(ShipmentStatus.DELIVERED, hour(5), 5L, hour(6));
    }

    /** Every exception is counted; only the fulfilment process's ORDER_CANCELLED voids the shipment. */
    @Test
    void exceptionsAreCountedAndOnlyAnOrderCancellationVoidsTheShipment() {
        ShipmentId shipment = ShipmentId.random();
        inNewTransaction(() -> {
            projection.on(created(shipment, SalesOrderId.random()), 0, hour(0));
            projection.on(new ShipmentExceptionReported(shipment, ShipmentExceptionType.CUSTOMS_HOLD, "papers"), 1, hour(1));
        });
        assertThat(row(shipment)).extracting(r -> r.status, r -> r.exceptions, r -> r.lastException)
                .containsExactly(ShipmentStatus.CREATED, 1, "CUSTOMS_HOLD");

        inNewTransaction(() -> projection.on(
                new ShipmentExceptionReported(shipment, ShipmentExceptionType.ORDER_CANCELLED, null), 2, hour(2)));
        assertThat(row(shipment)).extracting(r -> r.status, r -> r.exceptions, r -> r.lastException)
                .containsExactly(ShipmentStatus.VOID, 2, "ORDER_CANCELLED");
    }

    /** A checkpoint delivered twice counts once; a redelivered creation, older than the row, does not reset it. */
    @Test
    void aRedeliveredEventCountsOnceAndAnOlderOneIsSkipped() {
        ShipmentId shipment = ShipmentId.random();
        SalesOrderId order = SalesOrderId.random();
        ShipmentCheckpointRecorded checkpoint = new ShipmentCheckpointRecorded(shipment, "Leipzig hub", hour(2), null);
        inNewTransaction(() -> {
            projection.on(created(shipment, order), 0, hour(0));
            projection.on(new ShipmentDispatched(shipment, order, hour(1)), 1, hour(1));
        });
        inNewTransaction(() -> projection.on(checkpoint, 2, hour(2)));
        inNewTransaction(() -> projection.on(checkpoint, 2, hour(2)));
        inNewTransaction(() -> projection.on(created(shipment, order), 0, hour(3)));

        assertThat(row(shipment)).extracting(r -> r.checkpoints, r -> r.status, r -> r.version, r -> r.updatedAt)
                .containsExactly(1, ShipmentStatus.DISPATCHED, 2L, hour(2));
    }
}
