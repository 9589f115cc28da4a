package io.supplyline.command.processes;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Before a process batch's first handler runs, takes the lock of every aggregate the batch's commands
 * may touch, in sorted order, and holds them until the batch ends (as Axon holds the locks its commands
 * take: the batch is one transaction). Processes then never wait for a lock while holding one taken out
 * of order, so two process batches cannot deadlock however their events interleave; an HTTP command
 * holds only its own aggregate's lock, so it cannot close a cycle either. The aggregate repositories
 * share the same {@link LockFactory}; its locks are reentrant, so a command of the batch loading an
 * aggregate locked here goes straight through.
 */
public final class ProcessLocks implements MessageHandlerInterceptor<EventMessage<?>> {

    /** The aggregates a batch of events may lead a process to send commands to. */
    @FunctionalInterface
    public interface Plan extends Function<UnitOfWork<?>, Set<String>> {
    }

    private static final String TAKEN = ProcessLocks.class.getName();

    private final LockFactory locks;
    private final Plan plan;

    public ProcessLocks(LockFactory locks, Plan plan) {
        this.locks = locks;
        this.plan = plan;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        // Not computeIfAbsent: the plan may keep resources of its own in the batch.
        if (batch.getResource(TAKEN) == null) {
            batch.resources().put(TAKEN, Boolean.TRUE);
            for (String aggregateId : new TreeSet<>(plan.apply(batch))) {
                Lock lock = locks.obtainLock(aggregateId);
                batch.onCleanup(ended -> lock.release());
            }
        }
        return chain.proceed();
    }

    /** The events of a process batch (or the one event of a unit of work that is not a batch). */
    public static List<? extends EventMessage<?>> events(UnitOfWork<?> batch) {
        if (batch instanceof BatchingUnitOfWork<?> events) {
            return events.getMessages().stream().map(message -> (EventMessage<?>) message).toList();
        }
        return List.of((EventMessage<?>) batch.getMessage());
    }
}
