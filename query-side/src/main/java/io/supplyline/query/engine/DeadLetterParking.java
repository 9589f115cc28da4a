package io.supplyline.query.engine;

import java.sql.SQLException;
import java.time.Instant;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * One projection's parked events, per aggregate, in Axon's sequenced dead-letter queue: an event the
 * projection cannot apply, and every later event of that aggregate behind it (keeping their order),
 * while other aggregates flow on. The engine decides when to park (see {@code BatchApplier}); this
 * keeps the queue, in the caller's transaction.
 */
public final class DeadLetterParking {

    private final SequencedDeadLetterQueue<EventMessage<?>> queue;

    public DeadLetterParking(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        this.queue = queue;
    }

    public SequencedDeadLetterQueue<EventMessage<?>> queue() {
        return queue;
    }

    /** Events of one aggregate keep their order; an event of no aggregate is a sequence of its own. */
    public static String sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domainEvent ? domainEvent.getAggregateIdentifier()
                : event.getIdentifier();
    }

    /** Whether an earlier event of the event's aggregate is parked: then this one waits behind it. */
    public boolean parksBehind(EventMessage<?> event) {
        String sequence = sequenceOf(event);
        if (!queue.contains(sequence)) {
            return false;
        }
        queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event));
        return true;
    }

    public void park(EventMessage<?> event, Throwable cause) {
        Instant now = Instant.now();
        String sequence = sequenceOf(event);
        queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event, PrintableCause.of(cause), now, now,
                MetaData.emptyInstance()));
    }

    /**
     * A data exception (SQL state class 22, such as a NUL in text): the event's rows are wrong, and will
     * be on every retry. (A broken constraint, 23, may be two instances inserting the same row: retried.)
     */
    public static boolean refusedData(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
