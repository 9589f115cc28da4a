package io.supplyline.query.alerts;

import java.time.LocalDate;

import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

import io.supplyline.query.projection.Projection;

/**
 * Moves the alerts' clock with the events: when the first event of a new day (UTC) arrives, purchase
 * orders still expected from an earlier day become overdue and shipments whose estimated day has
 * passed become delayed. Following event time rather than the wall clock keeps a rebuild identical.
 */
@Singleton
@ProcessingGroup(AlertProjection.NAME)
public class AlertClock implements Projection {

    private final AlertProjection alerts;

    AlertClock(AlertProjection alerts) {
        this.alerts = alerts;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        EventDay clock = EventDay.current();
        LocalDate day = AlertProjection.dayOf(message);
        if (clock.eventDay != null && !day.isAfter(clock.eventDay)) {
            return;
        }
        clock.eventDay = day;
        AlertPurchaseOrder.<AlertPurchaseOrder>stream("expecting = true and expectedDeliveryDate < ?1", day)
                .forEach(order -> alerts.judgeOverdue(order, day, message));
        AlertShipment.<AlertShipment>stream("onTheWay = true and eta < ?1", day)
                .forEach(shipment -> alerts.judgeDelay(shipment, day, message));
    }
}
