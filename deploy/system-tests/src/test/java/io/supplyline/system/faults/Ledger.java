package io.supplyline.system.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.supplyline.system.reconciliation.ReadModelRecomputation;

/**
 * The books after a fault: what the clients were told was done against the event store, the store
 * against the topic, and every read model against a recomputation from the store.
 *
 * <ul>
 * <li>lost: an accepted write missing from the store, a stored event missing from the topic, or an
 *     event the overview's per-hour event counts miss;</li>
 * <li>out of order: an event whose first copy on the topic came after a later event of its aggregate
 *     (repeats by the at-least-once relay are fine: the query side ignores them by version);</li>
 * <li>doubled: an event those counts hold more often than the store (they add one per event applied,
 *     so an event applied twice shows there);</li>
 * <li>differing rows: any read-model row unlike its recomputation (a lost or doubled event anywhere
 *     else shows here).</li>
 * </ul>
 */
public record Ledger(long storedEvents, long acknowledgedMissing, long missingFromTopic, long duplicatesOnTopic,
                     long outOfOrderOnTopic, long appliedMissing, long appliedTwice, long differingRows, List<String> differences) {

    public long lost() {
        return acknowledgedMissing + missingFromTopic + appliedMissing;
    }

    public boolean balanced() {
        return lost() == 0 && outOfOrderOnTopic == 0 && appliedTwice == 0 && differingRows == 0;
    }

    static Ledger take(List<String> acknowledged, JsonNode storeAgainstTopic) throws SQLException {
        try (Connection store = FaultDatabases.commandStore(); Connection readModels = FaultDatabases.readModels()) {
            return take(acknowledged, storeAgainstTopic, store, readModels);
        }
    }

    /** The books of the event store and read models behind these connections. */
    public static Ledger take(List<String> acknowledged, JsonNode storeAgainstTopic, Connection store, Connection readModels)
            throws SQLException {
        ReadModelRecomputation.Comparison comparison = ReadModelRecomputation.compare(store, readModels);
        Set<String> stored = new HashSet<>();
        try (Statement sql = store.createStatement();
             ResultSet rows = sql.executeQuery("SELECT aggregateidentifier, sequencenumber FROM domainevententry")) {
            while (rows.next()) {
                stored.add(rows.getString(1) + "@" + rows.getLong(2));
            }
        }
        long acknowledgedMissing = acknowledged.stream().filter(write -> !stored.contains(write)).count();
        long missing = 0;
        long twice = 0;
        for (Map.Entry<String, String> hour : comparison.expected().entrySet()) {
            if (hour.getKey().startsWith("overview: hour ") && hour.getKey().endsWith(" events")) {
                long expected = Long.parseLong(hour.getValue());
                long actual = Long.parseLong(comparison.actual().getOrDefault(hour.getKey(), "0"));
                missing += Math.max(0, expected - actual);
                twice += Math.max(0, actual - expected);
            }
        }
        Set<String> keys = new HashSet<>(comparison.expected().keySet());
        keys.addAll(comparison.actual().keySet());
        List<String> differences = keys.stream().sorted()
                .filter(key -> !String.valueOf(comparison.expected().get(key)).equals(String.valueOf(comparison.actual().get(key))))
                .map(key -> key + ": expected " + comparison.expected().get(key) + ", read model " + comparison.actual().get(key))
                .toList();
        return new Ledger(comparison.storedEvents(), acknowledgedMissing, storeAgainstTopic.path("missingFromTopic").asLong(),
                storeAgainstTopic.path("duplicatesOnTopic").asLong(), storeAgainstTopic.path("outOfOrderOnTopic").asLong(),
                missing, twice, differences.size(),
                differences.stream().limit(10).toList());
    }
}
