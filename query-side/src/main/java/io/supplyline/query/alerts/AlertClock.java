package io.supplyline.query.alerts;

import java.time.LocalDate;

import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

import io.supplyline.query.projection.Projection;
import io.supplyline.query.projection.ProjectionNames;
import io.supplyline.query.projection.ProjectionRows;

/**
 * Moves the alerts' clock with the events: when the first event of a new day (UTC) arrives, purchase
 * orders still expected from an earlier day become overdue and shipments whose estimated day has
 * passed become delayed. Following event time rather than the wall clock keeps a rebuild identical.
 */
@Singleton
@ProcessingGroup(ProjectionNames.ALERTS)
public class AlertClock implements Projection {

    private final OverduePurchaseOrderDetector overduePurchaseOrders;
    private final DelayedShipmentDetector delayedShipments;
    private final ProjectionRows rows;

    AlertClock(OverduePurchaseOrderDetector overduePurchaseOrders, DelayedShipmentDetector delayedShipments,
               ProjectionRows rows) {
        this.overduePurchaseOrders = overduePurchaseOrders;
        this.delayedShipments = delayedShipments;
        this.rows = rows;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        EventDay clock = EventDay.current(rows);
        LocalDate day = EventDay.dayOf(message);
        if (clock.eventDay != null && !day.isAfter(clock.eventDay)) {
            return;
        }
        clock.eventDay = day;
        rows.matching(AlertPurchaseOrder.class, order -> order.expecting && order.expectedDeliveryDate.isBefore(day),
                "expecting = true AND expected_delivery_date < ?", day)
                .forEach(order -> overduePurchaseOrders.judge(order, day, message));
        rows.matching(AlertShipment.class, shipment -> shipment.onTheWay && shipment.eta.isBefore(day),
                "on_the_way = true AND eta < ?", day)
                .forEach(shipment -> delayedShipments.judge(shipment, day, message));
    }
}
