package io.supplyline.query.overview;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The spans {@code GET /overview/throughput} answers, each read from the table of its bucket size. */
enum ThroughputRange {

    HOUR(60, ChronoUnit.MINUTES, "overview_minutely", "minute_start"),
    DAY(24, ChronoUnit.HOURS, "overview_hourly", "hour_start"),
    WEEK(168, ChronoUnit.HOURS, "overview_hourly", "hour_start");

    final int buckets;
    final ChronoUnit unit;
    final String table;
    final String startColumn;

    ThroughputRange(int buckets, ChronoUnit unit, String table, String startColumn) {
        this.buckets = buckets;
        this.unit = unit;
        this.table = table;
        this.startColumn = startColumn;
    }

    static ThroughputRange named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The end of the range whose last bucket holds {@code until}. */
    Instant endFor(Instant until) {
        return until.truncatedTo(unit).plus(1, unit);
    }

    Instant startFor(Instant end) {
        return end.minus(buckets, unit);
    }
}
