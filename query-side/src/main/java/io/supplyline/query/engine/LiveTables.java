package io.supplyline.query.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;


/**
 * The live read models as a batch's target. On PostgreSQL each batch is serializable and holds the
 * switch lock shared, so that a rebuild, holding it alone, swaps tables while no batch writes (see
 * {@link SwitchLock}).
 */
final class LiveTables implements BatchTarget {

    private final DataSource dataSource;
    private final DeadLetterQueues deadLetters;
    private final boolean postgres;

    LiveTables(DataSource dataSource, DeadLetterQueues deadLetters, boolean postgres) {
        this.dataSource = dataSource;
        this.deadLetters = deadLetters;
        this.postgres = postgres;
    }

    /**
     * Serializable, because instances apply different partitions at once and some rows depend on rows
     * of other partitions (an alert is opened only if none is open; a new stock level takes its product's
     * reorder point): a version check on each row would not see a row another batch is inserting.
     * PostgreSQL then fails one of two such batches (40001), and it is read again.
     */
    @Override
    public void begin() throws SQLException {
        if (postgres) {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
                try (ResultSet locked = sql.executeQuery(SwitchLock.TRY_SHARED)) {
                    if (!locked.next() || !locked.getBoolean(1)) {
                        throw new SwitchLock.Held();
                    }
                }
            }
        }
    }

    @Override
    public void advance(Map<Integer, long[]> moves) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            PartitionPositions.advance(connection, moves);
        }
    }

    @Override
    public DeadLetterParking parking(String projection) {
        return deadLetters.of(projection);
    }

    /** Any instance may have parked events, in any earlier batch: the table says (by its unique key's index). */
    @Override
    public Set<String> parked(List<String> projections) throws SQLException {
        Set<String> parked = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(postgres
                     ? "SELECT p FROM unnest(?) AS p WHERE EXISTS (SELECT 1 FROM deadletterentry WHERE processinggroup = p)"
                     : "SELECT DISTINCT processinggroup FROM deadletterentry")) {
            if (postgres) {
                query.setArray(1, connection.createArrayOf("text", projections.toArray()));
            }
            try (ResultSet groups = query.executeQuery()) {
                while (groups.next()) {
                    parked.add(groups.getString(1));
                }
            }
        }
        return parked;
    }
}
