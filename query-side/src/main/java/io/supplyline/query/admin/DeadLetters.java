package io.supplyline.query.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.UnknownSerializedType;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.supplyline.query.engine.DeadLetterQueues;
import io.supplyline.query.engine.PrintableCause;
import io.supplyline.query.engine.ProjectionHandlers;
import io.supplyline.query.http.Refusal;

/** The parked events of every projection: listed, retried in their aggregate's order, or evicted. */
@Singleton
public class DeadLetters {

    private final DeadLetterQueues deadLetters;
    private final ProjectionHandlers handlers;

    DeadLetters(DeadLetterQueues deadLetters, ProjectionHandlers handlers) {
        this.deadLetters = deadLetters;
        this.handlers = handlers;
    }

    /** One parked event; {@code position} is its place in its aggregate's parked sequence (0: the one that failed first). */
    public record DeadLetterView(String id, String projection, String sequence, int position, String eventId,
                                 String eventType, Long aggregateSequenceNumber, Instant enqueuedAt, Instant lastTouched,
                                 String cause, int retries) {
    }

    /** What a retry did: events applied (and taken off the queue), events still parked, and why, if it stopped. */
    public record RetryOutcome(int applied, long stillParked, String cause) {
    }

    public List<DeadLetterView> list() {
        List<DeadLetterView> views = new ArrayList<>();
        deadLetters.queues().forEach((projection, queue) -> queue.deadLetters().forEach(sequence -> {
            int position = 0;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                views.add(view(projection, letter, position++));
            }
        }));
        return views;
    }

    public long count(String projection) {
        return deadLetters.queues().get(projection).size();
    }

    /** Applies the letter's whole sequence in order with the projection's handlers, until one fails again. */
    public RetryOutcome retry(String id) {
        Found found = find(id);
        int applied = 0;
        for (DeadLetter<? extends EventMessage<?>> letter : found.queue.deadLetterSequence(found.sequence)) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    apply(found.projection, letter.message());
                    Panache.getEntityManager().flush();
                    found.queue.evict(letter);
                });
                applied++;
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                QuarkusTransaction.requiringNew().run(() -> found.queue.requeue(letter, parked -> parked.withCause(PrintableCause.forRequeue(cause))
                        .withDiagnostics(diagnostics -> diagnostics.and("retries", retries(parked) + 1))));
                return new RetryOutcome(applied, found.queue.sequenceSize(found.sequence), cause.toString());
            }
        }
        return new RetryOutcome(applied, 0, null);
    }

    /** Drops the letter's whole sequence: those events will not be applied. */
    public int evict(String id) {
        Found found = find(id);
        int evicted = 0;
        for (DeadLetter<? extends EventMessage<?>> letter : found.queue.deadLetterSequence(found.sequence)) {
            QuarkusTransaction.requiringNew().run(() -> found.queue.evict(letter));
            evicted++;
        }
        return evicted;
    }

    private void apply(String projection, EventMessage<?> event) {
        handlers.apply(projection, event);
    }

    private record Found(String projection, SequencedDeadLetterQueue<EventMessage<?>> queue, String sequence) {
    }

    private Found find(String id) {
        for (Map.Entry<String, SequencedDeadLetterQueue<EventMessage<?>>> queue : deadLetters.queues().entrySet()) {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.getValue().deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (letter instanceof JdbcDeadLetter<?> stored && stored.getIdentifier().equals(id)) {
                        return new Found(queue.getKey(), queue.getValue(), (String) stored.getSequenceIdentifier());
                    }
                }
            }
        }
        throw new Refusal(404, "UNKNOWN_DEAD_LETTER", "No parked event " + id);
    }

    private static DeadLetterView view(String projection, DeadLetter<? extends EventMessage<?>> letter, int position) {
        EventMessage<?> event = letter.message();
        JdbcDeadLetter<?> stored = (JdbcDeadLetter<?>) letter;
        return new DeadLetterView(stored.getIdentifier(), projection, (String) stored.getSequenceIdentifier(), position,
                event.getIdentifier(), typeOf(event),
                event instanceof DomainEventMessage<?> domainEvent ? domainEvent.getSequenceNumber() : null,
                letter.enqueuedAt(), letter.lastTouched(),
                letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null), retries(letter));
    }

    /** The event's type, also when this version cannot read it (a newer command side's): as the event names it. */
    private static String typeOf(EventMessage<?> event) {
        if (UnknownSerializedType.class.equals(event.getPayloadType())) {
            String name = ((UnknownSerializedType) event.getPayload()).serializedType().getName();
            return name.substring(name.lastIndexOf('.') + 1);
        }
        return event.getPayloadType().getSimpleName();
    }

    private static int retries(DeadLetter<?> letter) {
        Object retries = letter.diagnostics().get("retries");
        return retries instanceof Number number ? number.intValue() : 0;
    }

}
