package io.supplyline.query.projection;

import java.time.Instant;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A read-model row that follows one aggregate. Kafka delivers at least once, so a row applies an
 * event only if its sequence number is past the last one applied, and remembers it as its version.
 */
@MappedSuperclass
public abstract class ProjectedRow extends PanacheEntityBase {

    /**
     * Checked on every update: events of several partitions (so of several instances) may change this
     * row, and a write based on a stale read fails instead of undoing the other's (its batch is retried).
     */
    @Version
    public long rowVersion;

    private static final Logger LOG = Logger.getLogger(ProjectedRow.class);

    /** Sequence number of the last applied event of the aggregate; -1 before the first. */
    public long version = -1;
    public Instant updatedAt;

    /** The type under which a change of this row appears on the live stream ({@code GET /stream}); null: it does not. */
    public String liveType() {
        return null;
    }

    /** The read-model view the live stream shows, built when the change commits. */
    public Object liveView() {
        return null;
    }

    /**
     * Whether the row's projection handles every event of its aggregate, so that a gap in the
     * sequence means events went missing upstream; rows that follow only some events say no.
     */
    protected boolean seesEveryEvent() {
        return true;
    }

    /**
     * @return whether the event is new to this row; if so, the row now carries its version and time
     */
    public boolean firstSight(String aggregateId, long sequence, Instant at) {
        if (sequence <= version) {
            return false;
        }
        if (sequence != version + 1 && seesEveryEvent()) {
            LOG.warnf("%s jumped from version %d to %d: events are missing upstream", aggregateId, version, sequence);
        }
        version = sequence;
        updatedAt = at;
        return true;
    }
}
