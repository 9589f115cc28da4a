package io.supplyline.command.eventstore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/** The positions in the PostgreSQL event store a processor can start from: the head, or an instant. */
final class CommitOrderPositions {

    private final OutsideTransactions database;

    CommitOrderPositions(OutsideTransactions database) {
        this.database = database;
    }

    /** Every event committed now, delivered. */
    CommitOrderToken head() {
        return database.read("take the head position", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT pg_current_snapshot()::text, (SELECT COALESCE(max(globalindex), -1) FROM domainevententry)");
                 ResultSet row = query.executeQuery()) {
                row.next();
                return CommitOrderToken.at(TxSnapshot.parse(row.getString(1)), row.getLong(2));
            }
        });
    }

    /** Events stored before the instant, delivered (as far as the global index says so). */
    CommitOrderToken at(Instant instant) {
        CommitOrderToken at = database.read("take the position at " + instant, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT pg_current_snapshot()::text,"
                    + " (SELECT min(globalindex) FROM domainevententry WHERE timestamp >= ?)")) {
                query.setString(1, instant.toString());
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    long first = row.getLong(2);
                    return row.wasNull() ? null
                            : new CommitOrderToken(TxSnapshot.NOTHING, -1, TxSnapshot.parse(row.getString(1)), first - 1, null);
                }
            }
        });
        return at != null ? at : head();
    }
}
