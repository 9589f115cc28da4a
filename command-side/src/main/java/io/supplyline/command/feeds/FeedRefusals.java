package io.supplyline.command.feeds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The refused records of the feeds, by the feed's principal and the record's key: a record delivered
 * again is refused again with the first reason, not judged anew against a state that has moved on (a
 * delivery before the dispatch stays refused after the dispatch). Kept as long as Idempotency-Key answers.
 */
final class FeedRefusals {

    record Refusal(String code, String detail) {
    }

    private static final int DETAIL_LENGTH = 2000;
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    FeedRefusals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<Refusal> find(String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT code, detail FROM feed_refusal WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new Refusal(row.getString(1), row.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the feeds' refused records", e);
        }
    }

    void remember(String id, Refusal refusal) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO feed_refusal (id, code, detail, refused_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, refusal.code());
            insert.setString(3, refusal.detail().length() > DETAIL_LENGTH ? refusal.detail().substring(0, DETAIL_LENGTH)
                    : refusal.detail());
            insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            // Only one consumer handles a partition at a time; a second row can only be this refusal again.
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot remember a refused feed record", e);
            }
        }
    }
}
