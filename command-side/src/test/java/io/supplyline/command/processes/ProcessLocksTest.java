package io.supplyline.command.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.lock.DeadlockException;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two process batches whose events touch the same two aggregates in opposite orders: each handler locks
 * its aggregate as Axon's repository does (held until the batch ends) and then gives the other batch
 * time to lock its first one. Without the locks taken first in sorted order they deadlock.
 */
class ProcessLocksTest {

    private static final String BOLTS = "stock:BER-1:BOLT";
    private static final String NUTS = "stock:BER-1:NUT";

    private final PessimisticLockFactory locks = PessimisticLockFactory.usingDefaults();
    private final ExecutorService processes = Executors.newFixedThreadPool(2);
    private final CountDownLatch bothLockedTheirFirst = new CountDownLatch(2);

    @AfterEach
    void stop() {
        processes.shutdownNow();
    }

    /** A batch of two events, the first locking {@code first}, the second {@code second}. */
    private ResultMessage<Object> batch(List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors,
                                        String first, String second) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.asEventMessage(first), GenericEventMessage.asEventMessage(second)));
        return batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, interceptors, message -> {
            String aggregateId = (String) message.getPayload();
            Lock lock = locks.obtainLock(aggregateId);
            batch.root().onCleanup(ended -> lock.release());
            if (aggregateId.equals(first)) {
                bothLockedTheirFirst.countDown();
                bothLockedTheirFirst.await(500, TimeUnit.MILLISECONDS);
            }
            return null;
        }).proceed());
    }

    private List<ResultMessage<Object>> runTwoBatches(List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors)
            throws Exception {
        Future<ResultMessage<Object>> one = processes.submit(() -> batch(interceptors, BOLTS, NUTS));
        Future<ResultMessage<Object>> other = processes.submit(() -> batch(interceptors, NUTS, BOLTS));
        return List.of(one.get(30, TimeUnit.SECONDS), other.get(30, TimeUnit.SECONDS));
    }

    @Test
    void batchesTakingTheirLocksFirstInSortedOrderBothComplete() throws Exception {
        ProcessLocks first = new ProcessLocks(locks, batch -> Set.of(BOLTS, NUTS));
        List<ResultMessage<Object>> results = runTwoBatches(List.of(first));
        assertThat(results).allSatisfy(result -> assertThat(result.isExceptional()).as("%s", result).isFalse());
        // Both gave their locks back: a later batch takes them at once.
        assertThat(processes.submit(() -> batch(List.of(first), BOLTS, NUTS)).get(5, TimeUnit.SECONDS).isExceptional()).isFalse();
    }

    @Test
    void withoutThemTheSameBatchesDeadlock() throws Exception {
        List<ResultMessage<Object>> results = runTwoBatches(List.of());
        assertThat(results).anySatisfy(result ->
                assertThat(result.isExceptional() && result.exceptionResult() instanceof DeadlockException).isTrue());
    }
}
