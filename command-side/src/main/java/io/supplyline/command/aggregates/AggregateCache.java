package io.supplyline.command.aggregates;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.axonframework.eventsourcing.SnapshotTrigger;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Aggregates kept between commands: at most {@code maxSize}, the least recently used leaving first, and
 * none unused for longer than {@code maxIdle}. Strong references, so what is kept stays until it is evicted.
 * An entry is only ever used after the event store has said it is current ({@link CheckedCachingRepository}).
 */
public final class AggregateCache {

    /** An aggregate as its last committed command left it. */
    record Entry(Object root, long version, boolean deleted, SnapshotTrigger snapshotTrigger, long usedAtNanos) {
    }

    private final int maxSize;
    private final long maxIdleNanos;
    private final LongSupplier clock;
    private final Map<String, Entry> entries;
    final LongAdder hits = new LongAdder();
    final LongAdder refreshed = new LongAdder();
    final LongAdder misses = new LongAdder();

    public AggregateCache(int maxSize, Duration maxIdle, LongSupplier clock) {
        this.maxSize = maxSize;
        this.maxIdleNanos = maxIdle.toNanos();
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > AggregateCache.this.maxSize;
            }
        };
    }

    /** The entry, if there is one not idle for too long; it is taken out, to be put back by a command that commits. */
    synchronized Entry take(String aggregateId) {
        Entry entry = entries.remove(aggregateId);
        return entry == null || clock.getAsLong() - entry.usedAtNanos() > maxIdleNanos ? null : entry;
    }

    synchronized void put(String aggregateId, Object root, long version, boolean deleted, SnapshotTrigger trigger) {
        if (maxSize > 0) {
            entries.put(aggregateId, new Entry(root, version, deleted, trigger, clock.getAsLong()));
        }
    }

    /** The version kept of the aggregate, if it is kept. */
    synchronized OptionalLong versionOf(String aggregateId) {
        Entry entry = entries.get(aggregateId);
        return entry == null ? OptionalLong.empty() : OptionalLong.of(entry.version());
    }

    public synchronized void remove(String aggregateId) {
        entries.remove(aggregateId);
    }

    synchronized int size() {
        return entries.size();
    }

    /**
     * At {@code /q/metrics}: {@code supplyline_aggregate_cache_loads_total{outcome}} (hit: used as kept;
     * refreshed: kept but behind the store, the events since read; miss: loaded from the store) and
     * {@code supplyline_aggregate_cache_size}.
     */
    public void registerMetrics(MeterRegistry registry) {
        FunctionCounter.builder("supplyline.aggregate.cache.loads", hits, LongAdder::doubleValue).tag("outcome", "hit")
                .register(registry);
        FunctionCounter.builder("supplyline.aggregate.cache.loads", refreshed, LongAdder::doubleValue).tag("outcome", "refreshed")
                .register(registry);
        FunctionCounter.builder("supplyline.aggregate.cache.loads", misses, LongAdder::doubleValue).tag("outcome", "miss")
                .register(registry);
        Gauge.builder("supplyline.aggregate.cache.size", this, AggregateCache::size).register(registry);
    }
}
