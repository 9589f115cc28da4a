package io.supplyline.deploy.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time a service process has used so far: user plus system time of all its threads, which
 * the JDK reads from {@code /proc/<pid>/stat} (utime + stime over the clock ticks per second). Two
 * readings around a phase tell what the whole process spent on it (JIT, GC, the Kafka consumer,
 * JDBC), not only the handlers the process times itself.
 */
record ProcessCpu(long pid) {

    /** CPU used since the process started; empty when it is gone or the platform cannot tell. */
    Optional<Duration> used() {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration());
    }

    /**
     * Microseconds of CPU per event between two readings, to two decimals; {@code null} (no figure
     * in the results) when either reading is missing or no event was handled.
     */
    static Double microsPerEvent(Optional<Duration> before, Optional<Duration> after, long events) {
        if (before.isEmpty() || after.isEmpty() || events <= 0) {
            return null;
        }
        return microsPerEvent(after.get().minus(before.get()).toNanos() / 1e9, events);
    }

    /** {@code seconds} of CPU per event in microseconds, to two decimals. */
    static double microsPerEvent(double seconds, long events) {
        return events <= 0 ? 0 : Math.round(seconds * 1e8 / events) / 100.0;
    }
}
