package io.supplyline.query.admin;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Counts what each projection's processor handles: the rate over the last ten seconds and the
 * timestamp of the latest event, which tells how far behind the events a lagging projection is.
 */
@Singleton
public class ProjectionMeter {

    static final long WINDOW_MILLIS = 10_000;

    private final Map<String, Processed> processors = new ConcurrentHashMap<>();

    /** The interceptor to register on one processor. */
    public MessageHandlerInterceptor<EventMessage<?>> forProcessor(String name) {
        Processed processed = processors.computeIfAbsent(name, key -> new Processed());
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            Object result = chain.proceed();
            processed.handled(unitOfWork.getMessage().getTimestamp());
            return result;
        };
    }

    double eventsPerSecond(String name) {
        Processed processed = processors.get(name);
        return processed == null ? 0 : processed.perSecond();
    }

    /** The timestamp of the latest event the processor handled, or null before the first. */
    Instant lastEventAt(String name) {
        Processed processed = processors.get(name);
        return processed == null ? null : processed.lastEventAt;
    }

    private static final class Processed {
        /** Per-second buckets: {second, count}. */
        private final Deque<long[]> seconds = new ArrayDeque<>();
        volatile Instant lastEventAt;

        synchronized void handled(Instant eventTime) {
            long second = System.currentTimeMillis() / 1000;
            if (seconds.isEmpty() || seconds.peekLast()[0] != second) {
                seconds.addLast(new long[] {second, 0});
            }
            seconds.peekLast()[1]++;
            lastEventAt = eventTime;
            forgetBefore(second - WINDOW_MILLIS / 1000);
        }

        synchronized double perSecond() {
            long now = System.currentTimeMillis() / 1000;
            forgetBefore(now - WINDOW_MILLIS / 1000);
            return seconds.stream().mapToLong(bucket -> bucket[1]).sum() / (WINDOW_MILLIS / 1000.0);
        }

        private void forgetBefore(long second) {
            while (!seconds.isEmpty() && seconds.peekFirst()[0] < second) {
                seconds.removeFirst();
            }
        }
    }
}
