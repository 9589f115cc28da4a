package io.supplyline.deploy.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import io.supplyline.deploy.generator.RequestTimer;

/** Request latencies of one load phase, in microseconds, and how the requests were answered. */
final class Latencies implements RequestTimer {

    private final Histogram micros = histogram();
    private final Map<String, Histogram> byCommand = new ConcurrentHashMap<>();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean recording = true;

    @Override
    public void record(String command, int status, long nanos) {
        if (!recording) {
            return;
        }
        long value = Math.min(micros.getHighestTrackableValue(), Math.max(1, nanos / 1_000));
        micros.recordValue(value);
        byCommand.computeIfAbsent(command, name -> histogram()).recordValue(value);
        if (status >= 200 && status < 300) {
            accepted.increment();
        } else if (status >= 400 && status < 500) {
            refused.increment();
        } else {
            failed.increment();
        }
    }

    /** Requests answered while paused are not counted (the opening of a day, say). */
    void pause() {
        recording = false;
    }

    void resume() {
        recording = true;
    }

    long requests() {
        return accepted.sum() + refused.sum() + failed.sum();
    }

    long accepted() {
        return accepted.sum();
    }

    long refused() {
        return refused.sum();
    }

    /** 5xx answers and requests that got none. */
    long failed() {
        return failed.sum();
    }

    Percentiles percentiles() {
        return Percentiles.of(micros);
    }

    /** The latencies of each command type, slowest median first: where the time goes. */
    Map<String, Percentiles> byCommand() {
        Map<String, Percentiles> commands = new LinkedHashMap<>();
        byCommand.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().getValueAtPercentile(50), a.getValue().getValueAtPercentile(50)))
                .forEach(command -> commands.put(command.getKey(), Percentiles.of(command.getValue())));
        return commands;
    }

    private static Histogram histogram() {
        return new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3);
    }
}
