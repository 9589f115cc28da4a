package io.supplyline.command.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

/** Process batches take turns: a second one starts its handlers only once the first has ended. */
class ProcessTurnsTest {

    private final ProcessTurns turns = new ProcessTurns();

    /** Runs {@code work} for each of two events of one batch, through the turns interceptor. */
    private ResultMessage<Object> batch(Runnable work) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage("second")));
        return batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(turns), message -> {
            work.run();
            return null;
        }).proceed());
    }

    @Test
    void aSecondBatchWaitsUntilTheFirstHasEnded() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        ExecutorService processes = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = processes.submit(() -> batch(() -> {
                firstInside.countDown();
                awaitQuietly(firstMayEnd);
            }));
            assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
            Future<?> second = processes.submit(() -> batch(() -> secondRan.set(true)));
            await().atMost(Duration.ofSeconds(5)).until(turns::isAwaited);
            assertThat(secondRan).as("the second batch ran while the first held its turn").isFalse();
            firstMayEnd.countDown();
            first.get(5, TimeUnit.SECONDS);
            second.get(5, TimeUnit.SECONDS);
            assertThat(secondRan).isTrue();
            assertThat(turns.isTaken()).isFalse();
        } finally {
            processes.shutdownNow();
        }
    }

    @Test
    void aFailedBatchGivesItsTurnBack() {
        ResultMessage<Object> failed = batch(() -> {
            throw new IllegalStateException("deadlock, say");
        });
        assertThat(failed.isExceptional()).isTrue();
        assertThat(turns.isTaken()).isFalse();
        AtomicBoolean ran = new AtomicBoolean();
        batch(() -> ran.set(true));
        assertThat(ran).isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
