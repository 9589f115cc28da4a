package io.supplyline.deploy.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the command side found the aggregates its commands loaded, from its counters
 * {@code supplyline_aggregate_cache_loads_total{outcome}}: kept in memory and current ({@code hit}), kept
 * but behind the store so the events since were read ({@code refreshed}), or loaded from the store
 * ({@code miss}). Read before the first load phase and after the last; the difference is the phases'.
 */
record AggregateLoads(long hits, long refreshed, long misses) {

    private static final Pattern SAMPLE = Pattern.compile(
            "^supplyline_aggregate_cache_loads_total\\{[^}]*outcome=\"(\\w+)\"[^}]*\\}\\s+(\\S+)");

    /** The command side's counters now; all zero when its metrics cannot be read. */
    static AggregateLoads read(Http commandManagement) {
        long[] counts = new long[3];
        commandManagement.text("/q/metrics").ifPresent(metrics -> metrics.lines().map(SAMPLE::matcher)
                .filter(Matcher::find).forEach(sample -> {
                    long value = (long) Double.parseDouble(sample.group(2));
                    switch (sample.group(1)) {
                        case "hit" -> counts[0] = value;
                        case "refreshed" -> counts[1] = value;
                        case "miss" -> counts[2] = value;
                        default -> { }
                    }
                }));
        return new AggregateLoads(counts[0], counts[1], counts[2]);
    }

    AggregateLoads since(AggregateLoads earlier) {
        return new AggregateLoads(hits - earlier.hits, refreshed - earlier.refreshed, misses - earlier.misses);
    }

    long loads() {
        return hits + refreshed + misses;
    }

    /** Loads that needed no event read from the store; 0 when there were none. */
    double hitRate() {
        return loads() == 0 ? 0 : (double) hits / loads();
    }
}
