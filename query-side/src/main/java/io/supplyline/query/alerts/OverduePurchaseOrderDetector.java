package io.supplyline.query.alerts;

import java.time.LocalDate;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventMessage;

/**
 * Overdue purchase orders: still expected after their expected delivery day, judged when one is placed
 * and when the alerts' clock moves to a new day ({@link AlertClock}); resolved when it closes.
 */
@Singleton
class OverduePurchaseOrderDetector {

    private final AlertBook alerts;

    OverduePurchaseOrderDetector(AlertBook alerts) {
        this.alerts = alerts;
    }

    void judge(AlertPurchaseOrder order, LocalDate today, EventMessage<?> cause) {
        if (order.expecting && order.expectedDeliveryDate.isBefore(today)) {
            Alert overdue = alerts.open(AlertType.OVERDUE_PURCHASE_ORDER, order.id, cause, "Purchase order from "
                    + order.supplier + " was expected on " + order.expectedDeliveryDate + " and is still open");
            overdue.warehouse = order.warehouse;
        }
    }

    /** Fully received or cancelled: nothing more is expected. */
    void closed(AlertPurchaseOrder order, EventMessage<?> cause) {
        order.expecting = false;
        alerts.resolve(AlertType.OVERDUE_PURCHASE_ORDER, order.id, cause);
    }
}
