package io.supplyline.query.alerts;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The alert projection's clock: the latest day (UTC) an event was stamped with. A replay sees the same days. */
@Entity
@Table(name = "alert_clock")
public class EventDay extends PanacheEntityBase {

    static final String ID = "event-day";

    @Id
    public String id;
    public LocalDate eventDay;

    static EventDay current() {
        EventDay clock = findById(ID);
        if (clock == null) {
            clock = new EventDay();
            clock.id = ID;
            clock.persist();
        }
        return clock;
    }
}
