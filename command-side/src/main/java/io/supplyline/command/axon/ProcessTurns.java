package io.supplyline.command.axon;

import java.util.concurrent.locks.ReentrantLock;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Lets one process batch at a time send commands. A process's batch holds the lock of every
 * aggregate its commands touched until the batch commits (Axon releases them when the batch's unit
 * of work ends). Two processes each holding some stock items and waiting for one the other holds
 * deadlocked; Axon detected it and the processor backed off for one, two, four, eight seconds while
 * orders waited to be allocated. Taking turns, the processes never hold aggregate locks at the same
 * time; an HTTP command holds only its own aggregate's lock, so it cannot close a cycle.
 */
final class ProcessTurns implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String TURN = ProcessTurns.class.getName();

    private final ReentrantLock turn = new ReentrantLock();

    /** Taken before the batch's first handler runs, so before any aggregate lock; given back when the batch ends. */
    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        batch.getOrComputeResource(TURN, key -> {
            turn.lock();
            batch.onCleanup(ended -> turn.unlock());
            return Boolean.TRUE;
        });
        return chain.proceed();
    }

    boolean isTaken() {
        return turn.isLocked();
    }

    /** Whether a batch is waiting for its turn. */
    boolean isAwaited() {
        return turn.hasQueuedThreads();
    }
}
