package io.supplyline.deploy.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When each of the day's commands goes out, and what time of day it stands for: the workers take turns
 * from one counter, wait for their turn at the configured rate, and the simulated clock spreads the
 * commands over 24 hours from 06:00.
 */
final class Pacing {

    private final int commands;
    private final double rate;
    private final CommandApi api;
    private final Instant dayStart = LocalDate.now(ZoneOffset.UTC).atTime(6, 0).toInstant(ZoneOffset.UTC);
    private final AtomicInteger sent = new AtomicInteger();
    /** Workers send nothing new after this {@code System.nanoTime()}; by default they never stop early. */
    private volatile long stopAt = Long.MAX_VALUE;

    Pacing(DayOptions options, CommandApi api) {
        this.commands = options.commands();
        this.rate = options.rate();
        this.api = api;
    }

    /**
     * Claims the next command and, at a set rate, waits until it is due (its latency counts from then).
     * False when the day has sent all its commands or its time is up.
     */
    boolean awaitTurn(long started) {
        int index = sent.getAndIncrement();
        if (index >= commands || System.nanoTime() - stopAt >= 0) {
            return false;
        }
        if (rate > 0) {
            long due = started + (long) (index * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleep(wait / 1_000_000);
            }
            api.due(due);
        }
        return true;
    }

    /** Stops the turns {@code after} from now, done or not. */
    void stopAfter(Duration after) {
        stopAt = System.nanoTime() + after.toNanos();
    }

    /** How many turns were taken so far. */
    int sent() {
        return sent.get();
    }

    /** The simulated time of day: the commands spread over 24 hours from 06:00. */
    Instant now() {
        long index = Math.min(sent.get(), Math.max(1, commands));
        return dayStart.plus(Duration.ofDays(1).multipliedBy(index).dividedBy(Math.max(1, commands)))
                .truncatedTo(ChronoUnit.SECONDS);
    }

    LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
