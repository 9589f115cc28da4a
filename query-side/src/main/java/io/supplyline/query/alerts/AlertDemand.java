package io.supplyline.query.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * How much customers order of one SKU from one warehouse per hour (by the orders' own time): the
 * units of the current hour, and an exponentially weighted average of the hours before it.
 */
@Entity
@Table(name = "alert_demand")
public class AlertDemand extends PanacheEntityBase {

    /**
     * Checked on every update: events of several partitions (so of several instances) may change this
     * row, and a write based on a stale read fails instead of undoing the other's (its batch is retried).
     */
    @Version
    public long rowVersion;

    /** The stock item id, {@code stock:{warehouse}:{sku}}. */
    @Id
    public String id;
    public Instant currentHour;
    public long currentHourUnits;
    /** Units per hour, averaged over the closed hours (weight {@code alpha} on the newest). */
    public double baselinePerHour;
    /** Closed hours seen since the first order: the baseline means little before a few. */
    public long hoursSeen;

    protected AlertDemand() {
    }

    AlertDemand(String stockItemId) {
        this.id = stockItemId;
    }

    /**
     * Adds ordered units at {@code at}; first closes the hours before it into the baseline (hours
     * without orders count as zero).
     *
     * @return whether a new hour began
     */
    boolean order(Instant at, long units, double alpha) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        boolean newHour = false;
        if (currentHour == null) {
            currentHour = hour;
        } else if (hour.isAfter(currentHour)) {
            long closed = Duration.between(currentHour, hour).toHours();
            baselinePerHour = alpha * currentHourUnits + (1 - alpha) * baselinePerHour;
            // The empty hours in between each pull the average towards zero.
            baselinePerHour *= Math.pow(1 - alpha, closed - 1);
            hoursSeen += closed;
            currentHour = hour;
            currentHourUnits = 0;
            newHour = true;
        }
        currentHourUnits += units;
        return newHour;
    }
}
