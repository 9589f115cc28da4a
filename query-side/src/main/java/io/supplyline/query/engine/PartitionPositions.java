package io.supplyline.query.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;

import io.supplyline.support.axon.StoredTokens;

/**
 * Where the read models are in the topic: per partition, the offset of the next event to apply. It is
 * written in the transaction that writes the rows, so rows and position can never disagree, and only
 * if it still holds what the writer read: an instance that lost a partition in a rebalance but had
 * not noticed yet cannot apply the same events a second time ({@link PositionMoved}).
 */
final class PartitionPositions {

    private PartitionPositions() {
    }

    /** The next offset of every partition that has a position (a partition never applied has none). */
    static Map<Integer, Long> all(Connection connection) throws SQLException {
        Map<Integer, Long> positions = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT partition_no, next_offset FROM projection_position");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                positions.put(row.getInt(1), row.getLong(2));
            }
        }
        return positions;
    }

    /** As {@link #all(Connection)}, on a connection of its own. */
    static Map<Integer, Long> all(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return all(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the projections' positions", e);
        }
    }

    /** The next offsets of these partitions, starting at 0 those that have none yet. */
    static Map<Integer, Long> claim(Connection connection, Collection<Integer> partitions) throws SQLException {
        Map<Integer, Long> known = all(connection);
        for (int partition : partitions) {
            if (!known.containsKey(partition)) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO projection_position (partition_no, next_offset) VALUES (?, 0)")) {
                    insert.setInt(1, partition);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    // Another instance made it at the same moment: read it back below.
                }
            }
        }
        Map<Integer, Long> positions = all(connection);
        positions.keySet().retainAll(partitions);
        return positions;
    }

    /**
     * Moves each partition from {@code moves[p][0]} to {@code moves[p][1]} in one round trip, or fails if any
     * is no longer where the batch found it.
     */
    static void advance(Connection connection, Map<Integer, long[]> moves) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE projection_position SET next_offset = ? WHERE partition_no = ? AND next_offset = ?")) {
            List<Map.Entry<Integer, long[]>> ordered = List.copyOf(moves.entrySet());
            for (Map.Entry<Integer, long[]> move : ordered) {
                update.setLong(1, move.getValue()[1]);
                update.setInt(2, move.getKey());
                update.setLong(3, move.getValue()[0]);
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 1) {
                    throw new PositionMoved(ordered.get(i).getKey(), ordered.get(i).getValue()[0]);
                }
            }
        }
    }

    /** Another writer moved the partition on: this batch was applied elsewhere, and rolls back. */
    static final class PositionMoved extends RuntimeException {
        PositionMoved(int partition, long expected) {
            super("Partition " + partition + " is no longer at offset " + expected + ": another instance applied it");
        }
    }

    /**
     * The first start after an upgrade from one tracking processor per projection: each partition starts
     * at the lowest offset any projection had reached (the others pass over what they applied already,
     * by version), so nothing is applied twice or missed. Does nothing once positions exist.
     */
    static void adoptLegacyTokens(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                    // Instances starting together adopt one after another; the second finds positions.
                    try (PreparedStatement lock = connection.prepareStatement(SwitchLock.EXCLUSIVE)) {
                        lock.execute();
                    }
                }
                adoptLegacyTokens(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static void adoptLegacyTokens(Connection connection) throws SQLException {
        if (!all(connection).isEmpty()) {
            return;
        }
        List<String> processors = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT processorname FROM tokenentry");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                processors.add(row.getString(1));
            }
        }
        List<Map<Integer, Long>> reached = new ArrayList<>();
        for (String processor : processors) {
            Map<Integer, Long> next = new HashMap<>();
            for (TrackingToken token : StoredTokens.of(connection, processor)) {
                KafkaTrackingToken.from(token).getPositions()
                        .forEach((partition, offset) -> next.merge(partition.partition(), offset + 1, Math::max));
            }
            reached.add(next);
        }
        Map<Integer, Long> lowest = new TreeMap<>();
        reached.forEach(next -> next.keySet().forEach(partition -> lowest.put(partition, Long.MAX_VALUE)));
        // A projection that never read a partition starts it from 0.
        lowest.replaceAll((partition, none) -> reached.stream()
                .mapToLong(next -> next.getOrDefault(partition, 0L)).min().orElse(0));
        for (Map.Entry<Integer, Long> partition : lowest.entrySet()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO projection_position (partition_no, next_offset) VALUES (?, ?)")) {
                insert.setInt(1, partition.getKey());
                insert.setLong(2, partition.getValue());
                insert.executeUpdate();
            }
        }
        try (PreparedStatement clear = connection.prepareStatement("DELETE FROM tokenentry")) {
            clear.executeUpdate();
        }
    }
}
