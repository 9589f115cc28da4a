package io.supplyline.system.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.supplyline.events.KeyedIds;

/**
 * The books of the inbound feeds after a fault: every record the broker acknowledged to the load's
 * producer must have exactly one outcome in the command side's store, an applied command (its answer
 * kept under the record's key) or a refusal; none may have caused two commands' events.
 *
 * @param published      records the broker acknowledged, as {@code feed/recordId}
 * @param withoutOutcome published records neither applied nor refused: lost
 * @param appliedTwice   records whose key more than one command's events carry: doubled
 */
record FeedBooks(long published, long withoutOutcome, long appliedTwice) {

    /** Keys (principal and idempotency key) carried by the events of more than one command sent by a feed. */
    private static final String APPLIED_TWICE = """
            SELECT count(*) FROM (
              SELECT m ->> 'principal', m ->> 'idempotencyKey' FROM (
                SELECT convert_from(metadata, 'UTF8')::jsonb AS m FROM domainevententry) events
              WHERE m ->> 'principal' LIKE 'feed:%'
              GROUP BY 1, 2 HAVING count(DISTINCT m ->> 'causationId') > 1) twice""";

    boolean balanced() {
        return withoutOutcome == 0 && appliedTwice == 0;
    }

    static FeedBooks take(List<String> published) throws SQLException {
        try (Connection store = FaultDatabases.commandStore(); Statement sql = store.createStatement()) {
            Set<String> outcomes = new HashSet<>();
            try (ResultSet rows = sql.executeQuery("SELECT id FROM idempotent_request WHERE principal LIKE 'feed:%'"
                    + " UNION ALL SELECT id FROM feed_refusal")) {
                while (rows.next()) {
                    outcomes.add(rows.getString(1));
                }
            }
            long withoutOutcome = published.stream().filter(record -> {
                int slash = record.indexOf('/');
                return !outcomes.contains(KeyedIds.keyId("feed:" + record.substring(0, slash), record.substring(slash + 1)));
            }).count();
            try (ResultSet row = sql.executeQuery(APPLIED_TWICE)) {
                row.next();
                return new FeedBooks(published.size(), withoutOutcome, row.getLong(1));
            }
        }
    }
}
