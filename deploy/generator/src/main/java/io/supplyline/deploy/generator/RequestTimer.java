package io.supplyline.deploy.generator;

/**
 * Told of every answered command request and how long it took; the benchmark's latency record.
 * A paced request's time counts from when it was due, not from when a worker got round to sending
 * it, so a stalled service shows in the latencies instead of silently lowering the rate.
 */
@FunctionalInterface
public interface RequestTimer {

    RequestTimer NONE = (command, status, nanos) -> { };

    /** @param status the HTTP status, or -1 when no answer came */
    void record(String command, int status, long nanos);
}
