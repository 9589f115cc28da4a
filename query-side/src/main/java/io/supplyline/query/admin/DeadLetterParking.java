package io.supplyline.query.admin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Parks the events a projection cannot apply, per aggregate, in Axon's sequenced dead-letter queue.
 * A failing event fails its batch: the transaction rolls back, so nothing of it is half applied,
 * and the processor retries with back-off. Once it has failed {@code attempts} times, it is parked
 * instead of handled and the batch goes through; every later event of that aggregate joins it in
 * the queue (keeping their order), while other aggregates flow on.
 */
public final class DeadLetterParking implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String ANY_PARKED = DeadLetterParking.class.getName() + ".anyParked";

    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final int attempts;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, Throwable> causes = new ConcurrentHashMap<>();
    /**
     * Set when a batch rolled back: until one commits again, each event's changes are flushed as it
     * is handled, so a database error names the event that caused it rather than the batch's commit.
     * Flushing every event always cost a dirty check of the whole batch's rows per event.
     */
    private volatile boolean careful;

    public DeadLetterParking(SequencedDeadLetterQueue<EventMessage<?>> queue, int attempts) {
        this.queue = queue;
        this.attempts = attempts;
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
        if (anyParked(unitOfWork) && queue.contains(sequence)) {
            queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event));
            return null;
        }
        if (failures.getOrDefault(event.getIdentifier(), 0) >= attempts) {
            queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event, causes.remove(event.getIdentifier())));
            failures.remove(event.getIdentifier());
            unitOfWork.root().resources().put(ANY_PARKED, true);
            return null;
        }
        try {
            Object result = chain.proceed();
            if (careful) {
                Panache.getEntityManager().flush();
            }
            return result;
        } catch (Exception e) {
            failures.merge(event.getIdentifier(), 1, Integer::sum);
            causes.put(event.getIdentifier(), e);
            throw e;
        }
    }
}
