package io.supplyline.query.alerts;

import java.time.LocalDate;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventMessage;

import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentExceptionType;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.query.projection.ProjectionRows;

/** The alert projection's copy of each shipment (promise, estimate, on its way or not), judged for delays. */
@Singleton
class ShipmentAlerts {

    private final ProjectionRows rows;
    private final DelayedShipmentDetector delayedShipments;

    ShipmentAlerts(ProjectionRows rows, DelayedShipmentDetector delayedShipments) {
        this.rows = rows;
        this.delayedShipments = delayedShipments;
    }

    void created(ShipmentCreated event, long sequence, EventMessage<?> message) {
        shipment(event.shipmentId(), sequence, message, shipment -> {
            shipment.warehouse = event.warehouse().value();
            shipment.promisedDeliveryDate = event.promisedDeliveryDate();
            shipment.eta = event.promisedDeliveryDate();
            shipment.onTheWay = true;
        });
    }

    void dispatched(ShipmentId id, long sequence, EventMessage<?> message) {
        shipment(id, sequence, message, shipment -> delayedShipments.judge(shipment, EventDay.today(rows, message), message));
    }

    void delayed(ShipmentId id, LocalDate newEta, long sequence, EventMessage<?> message) {
        shipment(id, sequence, message, shipment -> {
            shipment.eta = newEta;
            delayedShipments.judge(shipment, EventDay.today(rows, message), message);
        });
    }

    void delivered(ShipmentId id, long sequence, EventMessage<?> message) {
        shipment(id, sequence, message, shipment -> delayedShipments.arrived(shipment, message));
    }

    /** An exception ends the shipment's way only when its order was cancelled. */
    void exceptionReported(ShipmentId id, ShipmentExceptionType type, long sequence, EventMessage<?> message) {
        shipment(id, sequence, message, shipment -> {
            if (type == ShipmentExceptionType.ORDER_CANCELLED) {
                delayedShipments.arrived(shipment, message);
            }
        });
    }

    private void shipment(ShipmentId id, long sequence, EventMessage<?> message, Consumer<AlertShipment> change) {
        rows.applyOnce(AlertShipment.class, id.aggregateId(), AlertShipment::new, sequence, message.getTimestamp(),
                change);
    }
}
