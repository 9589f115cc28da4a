package io.supplyline.query.projection;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.Panache;
import io.supplyline.query.http.CommitSignal;
import io.supplyline.query.stream.LiveFeed;

/**
 * How every projection changes a row: find or start it, apply the event once, wake waiting readers
 * and tell the live stream (unless the projection replays history into fresh tables: {@link Replay}).
 */
@Singleton
public class ProjectionRows {

    private static final String WARMED = ProjectionRows.class.getName() + ".warmed";

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
        EntityManager entities = Panache.getEntityManager(type);
        warmUp(entities, type, aggregateId);
        R row = entities.find(type, aggregateId);
        if (row == null) {
            row = start.apply(aggregateId);
            entities.persist(row);
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
     * At the first row of a kind a processor batch asks for, loads the rows of that kind for every
     * aggregate of the same kind in the batch with one query, so that the {@code find}s that follow are
     * answered by the session instead of one round trip each. Only a warm-up: every decision is still
     * the {@code find}'s, and a row not loaded here is looked up as before.
     */
    private static void warmUp(EntityManager entities, Class<?> type, String aggregateId) {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)
                || batch.getMessages().size() < 2) {
            return;
        }
        String kind = aggregateId.substring(0, aggregateId.indexOf(':') + 1);
        Set<String> warmed = batch.getOrComputeResource(WARMED, key -> new HashSet<>());
        if (!warmed.add(type.getName() + " " + kind)) {
            return;
        }
        List<String> ids = batch.getMessages().stream()
                .filter(DomainEventMessage.class::isInstance)
                .map(message -> ((DomainEventMessage<?>) message).getAggregateIdentifier())
                .filter(id -> id.startsWith(kind))
                .distinct()
                .toList();
        if (ids.size() > 1) {
            entities.unwrap(Session.class).byMultipleIds(type).multiLoad(ids);
        }
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
