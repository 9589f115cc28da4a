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

    private final AlertProjection alerts;
    private final ProjectionRows rows;

    AlertClock(AlertProjection alerts, ProjectionRows rows) {
        this.alerts = alerts;
        this.rows = rows;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        EventDay clock = EventDay.current(rows);
        LocalDate day = AlertProjection.dayOf(message);
        if (clock.eventDay != null && !day.isAfter(clock.eventDay)) {
            return;
        }
        clock.eventDay = day;
        rows.matching(AlertPurchaseOrder.class, order -> order.expecting && order.expectedDeliveryDate.isBefore(day),
                "expecting = true AND expected_delivery_date < ?", day)
                .forEach(order -> alerts.judgeOverdue(order, day, message));
        rows.matching(AlertShipment.class, shipment -> shipment.onTheWay && shipment.eta.isBefore(day),
                "on_the_way = true AND eta < ?", day)
                .forEach(shipment -> alerts.judgeDelay(shipment, day, message));
    }
}
