package io.supplyline.query.admin;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.UnknownSerializedType;

import io.micrometer.core.instrument.Counter;
import io.quarkus.hibernate.orm.panache.Panache;
import io.supplyline.query.projection.UnknownEventType;

/**
 * Parks the events a projection cannot apply, per aggregate, in Axon's sequenced dead-letter queue.
 * A failing event fails its batch: the transaction rolls back, so nothing of it is half applied,
 * and the processor retries with back-off. Once it has failed {@code attempts} times, it is parked
 * instead of handled and the batch goes through; every later event of that aggregate joins it in
 * the queue (keeping their order), while other aggregates flow on. An event of a type this version
 * cannot read is parked at once: retrying it cannot help, and passing over it would lose it unseen;
 * so is an event whose rows the database refused as data (after one attempt, as it fails again).
 */
public final class DeadLetterParking implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String ANY_PARKED = DeadLetterParking.class.getName() + ".anyParked";

    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final int attempts;
    private final Counter unknownTypes;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, Throwable> causes = new ConcurrentHashMap<>();
    /**
     * Set when a batch rolled back: until one commits again, each event's changes are flushed as it
     * is handled, so a database error names the event that caused it rather than the batch's commit.
     * Flushing every event always cost a dirty check of the whole batch's rows per event.
     */
    private volatile boolean careful;

    /** @param unknownTypes counts the events parked because their type is unknown here */
    public DeadLetterParking(SequencedDeadLetterQueue<EventMessage<?>> queue, int attempts, Counter unknownTypes) {
        this.queue = queue;
        this.attempts = attempts;
        this.unknownTypes = unknownTypes;
    }

    /** Events of one aggregate keep their order; an event of no aggregate is a sequence of its own. */
    static String sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domainEvent ? domainEvent.getAggregateIdentifier()
                : event.getIdentifier();
    }

    /**
     * Whether the queue held anything when the batch began (or got something since): asked once per
     * batch, so the usual empty queue costs one query per batch instead of one per event.
     */
    private boolean anyParked(UnitOfWork<? extends EventMessage<?>> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(ANY_PARKED, key -> beginBatch(unitOfWork.root()));
    }

    /** At a batch's first event: its outcome decides whether the next batch is careful. */
    private boolean beginBatch(UnitOfWork<?> batch) {
        batch.onRollback(failed -> careful = true);
        batch.afterCommit(committed -> careful = false);
        return queue.amountOfSequences() > 0;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        String sequence = sequenceOf(event);
        boolean anyParked = anyParked(unitOfWork);
        if (UnknownSerializedType.class.equals(event.getPayloadType())) {
            park(unitOfWork, sequence, event, new UnknownEventType(((UnknownSerializedType) event.getPayload()).serializedType()));
            unitOfWork.root().afterCommit(committed -> unknownTypes.increment());
            return null;
        }
        if (anyParked && queue.contains(sequence)) {
            queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event));
            return null;
        }
        if (failures.getOrDefault(event.getIdentifier(), 0) >= attempts) {
            park(unitOfWork, sequence, event, causes.get(event.getIdentifier()));
            forget(event);
            return null;
        }
        try {
            Object result = chain.proceed();
            if (careful) {
                Panache.getEntityManager().flush();
            }
            // Handled: its earlier failures must not count towards parking it after a later, unrelated one.
            forget(event);
            return result;
        } catch (Exception e) {
            // The database refusing this event's own rows (found by a careful batch's flush) refuses them
            // again on every retry: park it at the next attempt instead of backing off the whole projection.
            failures.merge(event.getIdentifier(), careful && refusedData(e) ? attempts : 1, Integer::sum);
            causes.put(event.getIdentifier(), e);
            throw e;
        }
    }

    /**
     * A data exception (SQL state class 22, such as a NUL in text) or a broken constraint (23): the
     * rows are wrong, not the database away.
     */
    static boolean refusedData(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private void park(UnitOfWork<? extends EventMessage<?>> unitOfWork, String sequence, EventMessage<?> event,
                      Throwable cause) {
        Instant now = Instant.now();
        queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event, PrintableCause.of(cause), now, now,
                MetaData.emptyInstance()));
        unitOfWork.root().resources().put(ANY_PARKED, true);
    }

    private void forget(EventMessage<?> event) {
        failures.remove(event.getIdentifier());
        causes.remove(event.getIdentifier());
    }
}
