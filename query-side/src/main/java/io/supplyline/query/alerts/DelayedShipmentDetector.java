package io.supplyline.query.alerts;

import java.time.LocalDate;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventMessage;

/**
 * Shipments later than promised: the estimate moved past the promise, or the estimated day has passed on
 * the way. Judged as the shipment moves and when the alerts' clock moves to a new day ({@link AlertClock});
 * resolved when it arrives (or its order is cancelled).
 */
@Singleton
class DelayedShipmentDetector {

    private final AlertBook alerts;

    DelayedShipmentDetector(AlertBook alerts) {
        this.alerts = alerts;
    }

    void judge(AlertShipment shipment, LocalDate today, EventMessage<?> cause) {
        boolean movedPastPromise = shipment.eta.isAfter(shipment.promisedDeliveryDate);
        boolean estimatePassed = shipment.eta.isBefore(today);
        if (shipment.onTheWay && (movedPastPromise || estimatePassed)) {
            Alert delayed = alerts.open(AlertType.DELAYED_SHIPMENT, shipment.id, cause, "Shipment promised for "
                    + shipment.promisedDeliveryDate + " now expected " + shipment.eta
                    + (estimatePassed ? ", and that day has passed" : ""));
            delayed.warehouse = shipment.warehouse;
        }
    }

    /** No longer on its way. */
    void arrived(AlertShipment shipment, EventMessage<?> cause) {
        shipment.onTheWay = false;
        alerts.resolve(AlertType.DELAYED_SHIPMENT, shipment.id, cause);
    }
}
