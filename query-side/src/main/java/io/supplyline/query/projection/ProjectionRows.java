package io.supplyline.query.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.persister.entity.EntityPersister;

import io.quarkus.hibernate.orm.panache.Panache;
import io.supplyline.query.http.CommitSignal;
import io.supplyline.query.stream.LiveFeed;

/**
 * How every projection changes a row: find or start it, apply the event once, wake waiting readers
 * and tell the live stream (unless the projection replays history into fresh tables: {@link Replay}).
 */
@Singleton
public class ProjectionRows {

    private final CommitSignal commits;
    private final LiveFeed feed;

    ProjectionRows(CommitSignal commits, LiveFeed feed) {
        this.commits = commits;
        this.feed = feed;
    }

    /**
     * @param start makes the row for an aggregate seen for the first time
     * @param change what the event does to the row; skipped when the row has seen this event already
     */
    public <R extends ProjectedRow> void applyOnce(Class<R> type, String aggregateId, Function<String, R> start,
                                                   long sequence, Instant at, Consumer<R> change) {
        R row = find(type, aggregateId);
        if (row == null) {
            // Persisted before the change: the change may look its own row up (a product's policy, judging its stock).
            row = start.apply(aggregateId);
            Panache.getEntityManager(type).persist(row);
        }
        if (row.firstSight(aggregateId, sequence, at)) {
            change.accept(row);
            String liveType = row.liveType();
            if (liveType != null) {
                changed(liveType, aggregateId, row::liveView);
            } else {
                changed();
            }
        }
    }

    /**
     * A row keyed by an aggregate's id (its own, or another one's such as a stock item's demand), found
     * the way {@link #applyOnce} finds them: inside a processor batch, through the batch's {@link BatchRows}.
     */
    public <R> R find(Class<R> type, String aggregateId) {
        EntityManager entities = Panache.getEntityManager(type);
        BatchRows batch = BatchRows.current();
        return batch == null ? entities.find(type, aggregateId) : batch.find(entities, type, aggregateId);
    }

    /**
     * The rows of a type whose {@code field} (one that never changes, such as a SKU) holds {@code value},
     * sorted by id: those the batch has in memory, new ones included, and those only the database has.
     * A query would first flush the whole batch's rows to the database (Hibernate's automatic flush, a
     * dirty check of every row); on a product event in a rebuild that was a third of the time.
     */
    public <R> List<R> where(Class<R> type, String field, Object value) {
        EntityManager entities = Panache.getEntityManager(type);
        SessionImplementor session = entities.unwrap(SessionImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(type);
        Map<Object, R> found = new TreeMap<>();
        for (Map.Entry<Object, EntityEntry> entry : session.getPersistenceContextInternal().reentrantSafeEntityEntries()) {
            Status status = entry.getValue().getStatus();
            if (type.isInstance(entry.getKey()) && (status == Status.MANAGED || status == Status.SAVING)
                    && value.equals(persister.getPropertyValue(entry.getKey(), field))) {
                found.put(entry.getValue().getId(), type.cast(entry.getKey()));
            }
        }
        for (R row : entities.createQuery("from " + persister.getEntityName() + " where " + field + " = :value", type)
                .setParameter("value", value).setFlushMode(FlushModeType.COMMIT).getResultList()) {
            found.putIfAbsent(session.getContextEntityIdentifier(row), row);
        }
        return new ArrayList<>(found.values());
    }

    /** The aggregates whose events the current processor batch holds; empty outside a batch. */
    public List<String> aggregatesOfBatch() {
        BatchRows batch = BatchRows.current();
        return batch == null ? List.of() : batch.aggregateIds();
    }

    /** For changes that are not one aggregate's, such as a product's reorder point on all its stock levels. */
    public void changed() {
        if (!Replay.isActive()) {
            commits.wakeReadersOnCommit();
        }
    }

    /** A change the live stream shows, other than a row's own (an alert opening, for example). */
    public void changed(String type, String key, Supplier<Object> view) {
        if (!Replay.isActive()) {
            commits.wakeReadersOnCommit();
            feed.announce(type, key, view);
        }
    }
}
