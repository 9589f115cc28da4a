package io.supplyline.query.overview;

import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How many of something happened in one hour (UTC), by the events' own timestamps. */
@Entity
@Table(name = "overview_hourly")
public class HourlyThroughput extends PanacheEntityBase {

    @Embeddable
    public record Key(Instant hourStart, String metric) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public long total;

    /** Counts in the database, for the same reason as {@link OverviewCount#add}. */
    static void count(Instant at, String metric) {
        Key key = new Key(at.truncatedTo(ChronoUnit.HOURS), metric);
        if (update("total = total + 1 where key.hourStart = ?1 and key.metric = ?2", key.hourStart(), key.metric()) == 0) {
            HourlyThroughput hour = new HourlyThroughput();
            hour.key = key;
            hour.total = 1;
            hour.persistAndFlush();
        }
    }
}
