package io.supplyline.command.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Predicate;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;

/**
 * The event store on the embedded database (H2, one machine): a transaction takes the append turn
 * (a row lock on {@code event_append_turn}, held until it commits or rolls back) before it inserts
 * events. One writer at a time means a global index is never taken while an earlier one is still
 * uncommitted, so Axon's reader by global index cannot meet a gap that fills later: a gap it sees is
 * an append that rolled back. Transactions begun through {@link AppendTurnFirst} hold the turn
 * already; taking it again here keeps the guarantee for any other path to an append.
 */
final class SerialAppendStorageEngine extends SnapshotReadingStorageEngine {

    SerialAppendStorageEngine(Builder builder, Predicate<String> snapshotted) {
        super(builder, snapshotted);
    }

    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        try (Statement turn = connection.createStatement()) {
            turn.executeUpdate(AppendTurnFirst.TAKE_TURN);
        }
        return super.appendEvents(connection, events, serializer);
    }
}
