package io.supplyline.deploy.bench;

import org.HdrHistogram.Histogram;

/** A latency distribution in milliseconds. */
record Percentiles(long samples, double p50, double p95, double p99, double max) {

    static Percentiles of(Histogram micros) {
        return new Percentiles(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(95)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
