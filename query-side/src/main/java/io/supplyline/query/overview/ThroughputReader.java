package io.supplyline.query.overview;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

/**
 * Reads a range of throughput buckets, with what the backorder trend needs, in one statement: all of it
 * from one snapshot, as the projection commits a batch's buckets, counts and latest event together.
 */
@Singleton
class ThroughputReader {

    private final DataSource dataSource;

    ThroughputReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The range's buckets; the orders backordered at each one's end come from the moves in and out of
     * BACKORDERED the projection counts per bucket. Today's count of BACKORDERED orders is every move in
     * minus every move out, so the count at the end of a bucket is today's count less the net moves of all
     * the buckets after it: those after the range (summed in the database, per minute up to the next whole
     * hour, per hour beyond), then, going backwards, those of the range itself. Buckets after it, not before:
     * the range is usually recent, so the sum is short, and a replay of old history moves old buckets only.
     */
    ThroughputView read(ThroughputRange range, Instant until) {
        Instant end = range.endFor(until);
        Instant start = range.startFor(end);
        Instant hour = end.truncatedTo(ChronoUnit.HOURS);
        Instant nextWholeHour = hour.equals(end) ? end : hour.plus(1, ChronoUnit.HOURS);
        Map<String, long[]> buckets = new HashMap<>();
        long backorderedNow = 0;
        long netMovesAfter = 0;
        Instant latestEventAt = null;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(query(range))) {
            Object[] parameters = {at(start), at(end), at(end), at(nextWholeHour), OverviewProjection.BACKORDERS,
                    OverviewProjection.BACKORDERS_CLOSED, at(nextWholeHour), OverviewProjection.BACKORDERS,
                    OverviewProjection.BACKORDERS_CLOSED, OverviewProjection.BACKORDERED};
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    switch (row.getString(1)) {
                        case "bucket" -> {
                            Instant bucket = row.getObject(2, OffsetDateTime.class).toInstant();
                            long[] counts = buckets.computeIfAbsent(row.getString(3), metric -> new long[range.buckets]);
                            counts[(int) range.unit.between(start, bucket)] += row.getLong(4);
                        }
                        case "later" -> netMovesAfter += moveSign(row.getString(3)) * row.getLong(4);
                        case "now" -> backorderedNow = row.getLong(4);
                        default -> latestEventAt = row.getObject(2, OffsetDateTime.class).toInstant();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the throughput", e);
        }
        long[] in = buckets.getOrDefault(OverviewProjection.BACKORDERS, new long[range.buckets]);
        long[] out = buckets.getOrDefault(OverviewProjection.BACKORDERS_CLOSED, new long[range.buckets]);
        long[] open = new long[range.buckets];
        long openAtEnd = backorderedNow - netMovesAfter;
        for (int i = range.buckets - 1; i >= 0; i--) {
            open[i] = openAtEnd;
            openAtEnd -= in[i] - out[i];
        }
        List<ThroughputView.Bucket> answer = new ArrayList<>(range.buckets);
        for (int i = 0; i < range.buckets; i++) {
            answer.add(new ThroughputView.Bucket(start.plus(i, range.unit), count(buckets, "events", i),
                    count(buckets, "ordersPlaced", i), count(buckets, "shipmentsDispatched", i),
                    count(buckets, "deliveries", i), count(buckets, "goodsReceipts", i),
                    count(buckets, "adjustments", i), in[i], open[i]));
        }
        return new ThroughputView(range.label(), range.unit.getDuration().toSeconds(), start, end, latestEventAt,
                answer);
    }

    /**
     * The range's buckets, the backorder moves after it (per minute up to the next whole hour, per hour from
     * there), today's count of backordered orders and the latest event, told apart by the first column.
     */
    private static String query(ThroughputRange range) {
        String start = range.startColumn;
        return "SELECT 'bucket' AS part, " + start + " AS at, metric, total FROM " + range.table
                + " WHERE " + start + " >= ? AND " + start + " < ?"
                + " UNION ALL SELECT 'later', NULL, metric, SUM(total) FROM overview_minutely"
                + " WHERE minute_start >= ? AND minute_start < ? AND metric IN (?, ?) GROUP BY metric"
                + " UNION ALL SELECT 'later', NULL, metric, SUM(total) FROM overview_hourly"
                + " WHERE hour_start >= ? AND metric IN (?, ?) GROUP BY metric"
                + " UNION ALL SELECT 'now', NULL, counter, total FROM overview_count WHERE counter = ?"
                + " UNION ALL SELECT 'latest', at, NULL, 0 FROM overview_latest_event";
    }

    private static long moveSign(String metric) {
        return metric.equals(OverviewProjection.BACKORDERS) ? 1 : -1;
    }

    private static long count(Map<String, long[]> buckets, String metric, int index) {
        long[] counts = buckets.get(metric);
        return counts == null ? 0 : counts[index];
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
