package io.supplyline.query.shipments;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

import io.supplyline.events.shipping.ShipmentCheckpointRecorded;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelayed;
import io.supplyline.events.shipping.ShipmentDelivered;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentExceptionReported;
import io.supplyline.events.shipping.ShipmentExceptionType;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.query.projection.AppliedVersions;
import io.supplyline.query.projection.ProjectionNames;
import io.supplyline.query.projection.ProjectionRows;

/** The shipment board: one row per shipment, with its latest estimate, checkpoint and exception. */
@Singleton
@ProcessingGroup(ProjectionNames.SHIPMENTS)
public class ShipmentProjection implements AppliedVersions {

    private final ProjectionRows rows;

    ShipmentProjection(ProjectionRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(ShipmentCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.shipmentId(), sequence, at, row -> {
            row.orderId = event.orderId().aggregateId();
            row.warehouse = event.warehouse().value();
            row.carrier = event.carrier();
            row.trackingNumber = event.trackingNumber();
            row.status = ShipmentStatus.CREATED;
            row.promisedDeliveryDate = event.promisedDeliveryDate();
            row.eta = event.promisedDeliveryDate();
        });
    }

    @EventHandler
    void on(ShipmentDispatched event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.shipmentId(), sequence, at, row -> {
            row.status = ShipmentStatus.DISPATCHED;
            row.dispatchedAt = event.at();
        });
    }

    @EventHandler
    void on(ShipmentCheckpointRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.shipmentId(), sequence, at, row -> {
            row.checkpoints++;
            row.lastLocation = event.location();
            row.lastCheckpointAt = event.at();
        });
    }

    @EventHandler
    void on(ShipmentDelayed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.shipmentId(), sequence, at, row -> row.eta = event.newEta());
    }

    @EventHandler
    void on(ShipmentDelivered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.shipmentId(), sequence, at, row -> {
            row.status = ShipmentStatus.DELIVERED;
            row.deliveredAt = event.at();
        });
    }

    @EventHandler
    void on(ShipmentExceptionReported event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.shipmentId(), sequence, at, row -> {
            row.exceptions++;
            row.lastException = event.type().name();
            if (event.type() == ShipmentExceptionType.ORDER_CANCELLED) {
                row.status = ShipmentStatus.VOID;
            }
        });
    }

    private void apply(ShipmentId shipment, long sequence, Instant at, Consumer<ShipmentRow> change) {
        rows.applyOnce(ShipmentRow.class, shipment.aggregateId(), ShipmentRow::new, sequence, at, change);
    }

    @Override
    public OptionalLong appliedVersion(String aggregateId) {
        return aggregateId.startsWith("shipment:") ? AppliedVersions.of(ShipmentRow.findById(aggregateId))
                : OptionalLong.empty();
    }
}
