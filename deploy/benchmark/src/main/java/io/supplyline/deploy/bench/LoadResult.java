package io.supplyline.deploy.bench;

import java.util.Map;

/**
 * One load phase: open-loop at {@code targetRate} commands per second, or closed-loop (target 0)
 * with {@code workers} clients sending as fast as answered. {@code achievedRate} is the requests
 * answered per second of the phase; {@code lag} is command accepted → visible in the read model,
 * measured by the probe while the phase ran, with {@code lagTimeouts} reads beyond the 5 s bound.
 * A phase sends nothing new after its time limit: fewer {@code requests} than {@code planned} means
 * the system could not keep up with the target rate.
 */
record LoadResult(String mix, String mode, double targetRate, int workers, long planned, long requests, long accepted, long refused,
                  long failed, double seconds, double achievedRate, Percentiles latency, Percentiles lag,
                  long lagTimeouts, Map<String, Percentiles> latencyByCommand) {

    boolean openLoop() {
        return targetRate > 0;
    }
}
