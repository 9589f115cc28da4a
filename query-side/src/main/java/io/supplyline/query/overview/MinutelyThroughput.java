package io.supplyline.query.overview;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How many of something happened in one minute (UTC), by the events' own timestamps. */
@Entity
@Table(name = "overview_minutely")
public class MinutelyThroughput extends PanacheEntityBase {

    @Embeddable
    public record Key(Instant minuteStart, String metric) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public long total;
}
