package io.supplyline.query.alerts;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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
}
