package io.supplyline.query.engine;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What each projection applies: the rate over the last ten seconds, the timestamp of the latest event
 * (how far behind the events a lagging projection is), and as metrics the events applied live and the
 * CPU time the projection's handlers took ({@code supplyline_projection_events_total},
 * {@code supplyline_projection_cpu_seconds_total}), so CPU per event can be told per projection.
 */
@Singleton
public class ProjectionMeter implements BatchMeter {

    static final long WINDOW_MILLIS = 10_000;

    private final MeterRegistry registry;
    private final Map<String, Processed> projections = new ConcurrentHashMap<>();

    ProjectionMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void applied(String projection, long events, long cpuNanos, Instant lastEventAt) {
        processed(projection).handled(events, cpuNanos, lastEventAt);
    }

    @Override
    public void unknownType(String projection) {
        processed(projection).unknownTypes.increment();
    }

    private Processed processed(String projection) {
        return projections.computeIfAbsent(projection, name -> new Processed(name, registry));
    }

    public double eventsPerSecond(String name) {
        Processed processed = projections.get(name);
        return processed == null ? 0 : processed.perSecond();
    }

    /** The timestamp of the latest event the projection applied, or null before the first. */
    public Instant lastEventAt(String name) {
        Processed processed = projections.get(name);
        return processed == null ? null : processed.lastEventAt;
    }

    private static final class Processed {
        /** Per-second buckets: {second, count}. */
        private final Deque<long[]> seconds = new ArrayDeque<>();
        private final AtomicLong events = new AtomicLong();
        private final AtomicLong cpuNanos = new AtomicLong();
        private final Counter unknownTypes;
        volatile Instant lastEventAt;

        Processed(String projection, MeterRegistry registry) {
            FunctionCounter.builder("supplyline.projection.events", events, AtomicLong::doubleValue)
                    .tag("projection", projection).description("Events the projection's handlers applied")
                    .register(registry);
            FunctionCounter.builder("supplyline.projection.cpu.seconds", cpuNanos, nanos -> nanos.get() / 1e9)
                    .tag("projection", projection).description("CPU time of the projection's handlers")
                    .register(registry);
            unknownTypes = Counter.builder("supplyline.events.unknown").tag("projection", projection)
                    .description("Events of a type this version cannot read, parked by the projection")
                    .register(registry);
        }

        synchronized void handled(long count, long cpu, Instant eventTime) {
            events.addAndGet(count);
            cpuNanos.addAndGet(cpu);
            long second = System.currentTimeMillis() / 1000;
            if (seconds.isEmpty() || seconds.peekLast()[0] != second) {
                seconds.addLast(new long[] {second, 0});
            }
            seconds.peekLast()[1] += count;
            if (count > 0) {
                lastEventAt = eventTime;
            }
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
