package io.supplyline.query.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;

import io.supplyline.events.axon.StoredTokens;

/**
 * Where a projection is in the topic according to the token store: what its last committed batch
 * reached. For a projection another query instance processes, this instance's processor knows nothing.
 */
@Singleton
class StoredPositions {

    private final DataSource dataSource;

    StoredPositions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Per partition, the offset of the last event the projection applied (empty before its first batch). */
    Map<Integer, Long> of(String projection) {
        Map<Integer, Long> positions = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            StoredTokens.of(connection, projection).forEach(token -> KafkaTrackingToken.from(token).getPositions()
                    .forEach((partition, offset) -> positions.merge(partition.partition(), offset, Math::max)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the position of " + projection, e);
        }
        return positions;
    }
}
