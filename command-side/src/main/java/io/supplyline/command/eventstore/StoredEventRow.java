package io.supplyline.command.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;

/** An event row as the commit-order reads select it ({@link #COLUMNS}), before its position is known. */
record StoredEventRow(long globalIndex, GenericDomainEventEntry<byte[]> event) {

    static final String COLUMNS = "e.globalindex, e.eventidentifier, e.aggregateidentifier, e.sequencenumber,"
            + " e.type, e.timestamp, e.payloadtype, e.payloadrevision, e.payload, e.metadata";

    static StoredEventRow read(ResultSet result) throws SQLException {
        String eventId = result.getString(2);
        String aggregateId = result.getString(3);
        return new StoredEventRow(result.getLong(1), new GenericDomainEventEntry<>(result.getString(5),
                eventId.equals(aggregateId) ? null : aggregateId, result.getLong(4), eventId, result.getString(6),
                result.getString(7), result.getString(8), result.getBytes(9), result.getBytes(10)));
    }

    TrackedEventData<?> tracked(CommitOrderToken position) {
        return new TrackedDomainEventData<>(position, event);
    }
}
