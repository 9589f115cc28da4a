package io.supplyline.query.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What projection tests need to call event handlers directly: the message a handler receives, and the
 * transaction the projection engine would otherwise open around it.
 */
public final class HandlerCalls {

    private HandlerCalls() {
    }

    /**
     * {@code event} as event number {@code sequence} of {@code aggregateId}, stamped {@code at}, with a fresh
     * message id: what the topic delivers. The aggregate type is the id's prefix ({@code stock}, {@code order}, ...).
     */
    public static <E> GenericDomainEventMessage<E> message(String aggregateId, long sequence, E event, Instant at) {
        String type = aggregateId.substring(0, aggregateId.indexOf(':'));
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, event, MetaData.with("principal", "test"),
                UUID.randomUUID().toString(), at);
    }

    /** Runs handler calls in a transaction of their own, committed at the end. */
    public static void inNewTransaction(Runnable calls) {
        QuarkusTransaction.requiringNew().run(calls);
    }

    /** Runs handler calls as the engine runs one batch: in one transaction, with all their messages as the batch. */
    public static void asOneBatch(Map<EventMessage<?>, Runnable> calls) {
        inNewTransaction(() -> CurrentBatch.during(new ArrayList<>(calls.keySet()), () -> {
            calls.forEach((message, call) -> call.run());
            return null;
        }));
    }

    /** Reads rows in a transaction of its own, after the handlers' transactions committed. */
    public static <T> T read(Callable<T> query) {
        return QuarkusTransaction.requiringNew().call(query);
    }
}
