package io.supplyline.query.projection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.axonframework.eventhandling.DomainEventMessage;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The rows of one processor batch's aggregates. At the first row of a kind the batch asks for, the
 * rows of that kind for every aggregate of the same kind in the batch are loaded with one query: the
 * finds that follow are answered by the session, and an aggregate that had no row when the batch
 * began, and has none in the session since, gets none without asking the database. Without this,
 * each event cost a round trip, and every event of a new aggregate (every order placed) one more.
 */
final class BatchRows {

    private static final String RESOURCE = BatchRows.class.getName();

    private final List<String> aggregateIds;
    private final Set<String> warmed = new HashSet<>();
    private final Map<Class<?>, Set<String>> absentAtStart = new HashMap<>();

    private BatchRows(List<String> aggregateIds) {
        this.aggregateIds = aggregateIds;
    }

    /** The current processor batch's rows; empty outside a batch of several events (a handler called directly). */
    static BatchRows current() {
        CurrentBatch batch = CurrentBatch.get();
        if (batch == null || batch.events().size() < 2) {
            return null;
        }
        return batch.resource(RESOURCE, key -> new BatchRows(batch.events().stream()
                .filter(DomainEventMessage.class::isInstance)
                .map(message -> ((DomainEventMessage<?>) message).getAggregateIdentifier())
                .distinct()
                .toList()));
    }

    List<String> aggregateIds() {
        return aggregateIds;
    }

    <R> R find(EntityManager entities, Class<R> type, String aggregateId) {
        warmUp(entities, type, aggregateId.substring(0, aggregateId.indexOf(':') + 1));
        Set<String> absent = absentAtStart.get(type);
        if (absent != null && absent.contains(aggregateId) && !inSession(entities, type, aggregateId)) {
            return null;
        }
        return entities.find(type, aggregateId);
    }

    private void warmUp(EntityManager entities, Class<?> type, String kind) {
        if (!warmed.add(type.getName() + " " + kind)) {
            return;
        }
        List<String> ids = aggregateIds.stream().filter(id -> id.startsWith(kind)).toList();
        List<?> rows = entities.unwrap(Session.class).byMultipleIds(type).multiLoad(ids);
        Set<String> absent = absentAtStart.computeIfAbsent(type, key -> new HashSet<>());
        for (int i = 0; i < ids.size(); i++) {
            if (rows.get(i) == null) {
                absent.add(ids.get(i));
            }
        }
    }

    /** Whether the session holds the row: made (by any code) since the batch began. */
    private static boolean inSession(EntityManager entities, Class<?> type, String id) {
        SessionImplementor session = entities.unwrap(SessionImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(type);
        return session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister)) != null;
    }
}
