package io.supplyline.deploy.generator;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A line on stderr every few seconds while a day is sent from the command line (stdout keeps only the
 * report): commands answered so far and the rate since the last line.
 * Silent while nothing new was answered.
 */
final class Progress implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "generator-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final long planned;
    private final LongSupplier answered;
    private long lastCount;
    private long lastNanos = System.nanoTime();

    private Progress(long planned, LongSupplier answered) {
        this.planned = planned;
        this.answered = answered;
    }

    /** Starts printing every {@code interval}; {@code answered} counts the commands answered so far. */
    static Progress every(Duration interval, long planned, LongSupplier answered) {
        Progress progress = new Progress(planned, answered);
        progress.timer.scheduleAtFixedRate(progress::print, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return progress;
    }

    private void print() {
        long count = answered.getAsLong();
        long now = System.nanoTime();
        if (count == lastCount) {
            return;
        }
        double rate = (count - lastCount) / Math.max(1e-3, (now - lastNanos) / 1e9);
        // The opening's master data and stock come before the planned commands, so this is no share of them.
        System.err.printf("[generate-day] %,d commands answered (the opening, then %,d planned), %.0f/s%n", count, planned, rate);
        lastCount = count;
        lastNanos = now;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
