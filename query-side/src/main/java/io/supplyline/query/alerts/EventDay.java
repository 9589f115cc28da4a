package io.supplyline.query.alerts;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.axonframework.eventhandling.EventMessage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.supplyline.query.projection.ProjectionRows;

/** The alert projection's clock: the latest day (UTC) an event was stamped with. A replay sees the same days. */
@Entity
@Table(name = "alert_clock")
public class EventDay extends PanacheEntityBase {

    /**
     * Checked on every update: events of several partitions (so of several instances) may change this
     * row, and a write based on a stale read fails instead of undoing the other's (its batch is retried).
     */
    @Version
    public long rowVersion;

    static final String ID = "event-day";

    @Id
    public String id;
    public LocalDate eventDay;

    static EventDay current(ProjectionRows rows) {
        EventDay clock = rows.find(EventDay.class, ID);
        if (clock == null) {
            clock = new EventDay();
            clock.id = ID;
            rows.add(clock);
        }
        return clock;
    }

    /** The day (UTC) the event was stamped with. */
    static LocalDate dayOf(EventMessage<?> message) {
        return LocalDate.ofInstant(message.getTimestamp(), ZoneOffset.UTC);
    }

    /** The alerts' clock, or the event's own day if that is later (the clock may not have seen it yet). */
    static LocalDate today(ProjectionRows rows, EventMessage<?> message) {
        LocalDate clock = current(rows).eventDay;
        LocalDate day = dayOf(message);
        return clock == null || day.isAfter(clock) ? day : clock;
    }
}
