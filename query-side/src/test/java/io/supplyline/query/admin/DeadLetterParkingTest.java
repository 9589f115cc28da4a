package io.supplyline.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.supplyline.events.axon.EventSerializer;
import io.supplyline.query.projection.UnknownEventType;

/** When an event that fails is retried, and when it is parked instead. */
class DeadLetterParkingTest {

    private static final int ATTEMPTS = 3;

    private final InMemorySequencedDeadLetterQueue<EventMessage<?>> queue = InMemorySequencedDeadLetterQueue.defaultQueue();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadLetterParking parking = new DeadLetterParking(queue, ATTEMPTS, registry.counter("unknown"));
    private EventMessage<?> event = new GenericDomainEventMessage<>("StockItem", "stock:WH-1:SKU-1", 4, "an event");

    /** A handler that succeeds, or fails; counts how often it was called. */
    private static final class Handler implements InterceptorChain {
        boolean fails;
        int calls;

        @Override
        public Object proceed() {
            calls++;
            if (fails) {
                throw new IllegalStateException("The database is away");
            }
            return null;
        }
    }

    /**
     * The event alone in a batch. The batch commits here even when the event failed: the processor would
     * roll it back, but the interceptor would then flush every later event, which needs a database.
     */
    private void batch(Handler handler) throws Exception {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            parking.handle(unitOfWork, handler);
        } finally {
            unitOfWork.commit();
        }
    }

    private void failingBatch(Handler handler) {
        handler.fails = true;
        assertThatThrownBy(() -> batch(handler)).isInstanceOf(IllegalStateException.class);
        handler.fails = false;
    }

    @Test
    void anEventThatKeepsFailingIsParkedAfterItsAttempts() throws Exception {
        Handler handler = new Handler();
        for (int i = 0; i < ATTEMPTS; i++) {
            failingBatch(handler);
        }
        batch(handler);

        assertThat(handler.calls).isEqualTo(ATTEMPTS);
        assertThat(queue.contains("stock:WH-1:SKU-1")).isTrue();
    }

    /** Its failures before it succeeded say nothing about a later, unrelated failure (a retried batch, say). */
    @Test
    void anEventThatSucceedsHasItsFailuresForgotten() throws Exception {
        Handler handler = new Handler();
        for (int i = 0; i < ATTEMPTS - 1; i++) {
            failingBatch(handler);
        }
        batch(handler);
        for (int i = 0; i < ATTEMPTS - 1; i++) {
            failingBatch(handler);
        }
        batch(handler);

        assertThat(handler.calls).as("every attempt reached the handler").isEqualTo(2 * ATTEMPTS);
        assertThat(queue.amountOfSequences()).isZero();
    }

    /** A newer command side's event: trying it again cannot help, passing over it would lose it unseen. */
    @Test
    void anEventOfAnUnknownTypeIsParkedAtOnceWithItsReasonAndCounted() throws Exception {
        Serializer serializer = EventSerializer.create();
        event = new GenericDomainEventMessage<>("StockItem", "stock:WH-1:SKU-1", 5, new SerializedMessage<>("event-5",
                new SimpleSerializedObject<>("{}".getBytes(StandardCharsets.UTF_8), byte[].class,
                        "io.supplyline.events.inventory.StockRecounted", "2"),
                serializer.serialize(MetaData.emptyInstance(), byte[].class), serializer), Instant::now);
        Handler handler = new Handler();
        batch(handler);

        assertThat(handler.calls).isZero();
        assertThat(queue.deadLetterSequence("stock:WH-1:SKU-1")).singleElement().satisfies(letter ->
                assertThat(letter.cause()).hasValueSatisfying(cause -> {
                    assertThat(cause.type()).isEqualTo(UnknownEventType.class.getName());
                    assertThat(cause.message()).contains("io.supplyline.events.inventory.StockRecounted revision 2");
                }));
        assertThat(registry.counter("unknown").count()).isEqualTo(1);
    }
}
