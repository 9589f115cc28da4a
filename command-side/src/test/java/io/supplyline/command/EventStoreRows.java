package io.supplyline.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads the event store table directly, to prove what a command did or did not append. */
@ApplicationScoped
public class EventStoreRows {

    private final DataSource dataSource;

    EventStoreRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(String aggregateId) {
        return eventIds(aggregateId).size();
    }

    /** The aggregate's event ids in sequence order. */
    public List<String> eventIds(String aggregateId) {
        String sql = "SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, aggregateId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
