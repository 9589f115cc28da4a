package io.supplyline.query.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.supplyline.query.engine.BatchMeter;
import io.supplyline.query.engine.TopicReplay;

/**
 * What a rebuild ({@link RebuildRun}) reports while it runs and after: its state, the events replayed and
 * left, the rate, and what each projection's handlers cost per event (the replay meters its batches here).
 * Written by the rebuild's thread, read by status requests.
 */
final class RebuildProgress implements BatchMeter {

    private final List<String> projections;
    private final Instant requestedAt = Instant.now();
    private final Map<String, long[]> cpu = new ConcurrentHashMap<>();
    private volatile String state = "QUEUED";
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String error;
    private volatile TopicReplay replay;
    private volatile long lag;

    RebuildProgress(List<String> projections) {
        this.projections = projections;
    }

    boolean finished() {
        return state.equals("DONE") || state.equals("FAILED");
    }

    RebuildStatus status() {
        TopicReplay current = replay;
        long replayed = current == null ? 0 : current.replayed();
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = startedAt == null ? 0 : Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        double rate = seconds == 0 ? 0 : replayed / seconds;
        long left = finished() ? 0 : lag;
        Map<String, Double> micros = new TreeMap<>();
        cpu.forEach((projection, spent) -> micros.put(projection, spent[0] / 1000.0 / Math.max(1, replayed)));
        return new RebuildStatus(state, projections, requestedAt, startedAt, finishedAt, replayed, left, rate,
                rate > 0 ? left / rate : null, micros, error);
    }

    @Override
    public void applied(String projection, long events, long cpuNanos, Instant lastEventAt) {
        long[] spent = cpu.computeIfAbsent(projection, key -> new long[2]);
        synchronized (spent) {
            spent[0] += cpuNanos;
            spent[1] += events;
        }
    }

    @Override
    public void unknownType(String projection) {
        // Parked in the fresh dead letters, which replace the live ones at the switch.
    }

    void started() {
        startedAt = Instant.now();
        state = "REPLAYING";
    }

    Instant startedAt() {
        return startedAt;
    }

    void replaying(TopicReplay topic) {
        replay = topic;
    }

    /** A replay in memory broke and starts again: what it metered does not count. */
    void restarting() {
        cpu.clear();
    }

    TopicReplay replay() {
        return replay;
    }

    void lag(long events) {
        lag = events;
    }

    void switching() {
        state = "SWITCHING";
    }

    void done() {
        state = "DONE";
    }

    void failed(Exception e) {
        error = e.toString();
        state = "FAILED";
    }

    void ended() {
        finishedAt = Instant.now();
    }
}
