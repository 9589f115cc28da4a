package io.supplyline.query.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import io.supplyline.events.axon.EventSerializer;

/**
 * Where a projection is in the topic according to the token store: what its last committed batch
 * reached. For a projection another query instance processes, this instance's processor knows nothing.
 */
@Singleton
class StoredPositions {

    private final DataSource dataSource;
    private final Serializer serializer = EventSerializer.create();

    StoredPositions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Per partition, the offset of the last event the projection applied (empty before its first batch). */
    Map<Integer, Long> of(String projection) {
        Map<Integer, Long> positions = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement tokens = connection.prepareStatement(
                     "SELECT token, tokentype FROM tokenentry WHERE processorname = ? AND token IS NOT NULL")) {
            tokens.setString(1, projection);
            try (ResultSet rows = tokens.executeQuery()) {
                while (rows.next()) {
                    TrackingToken token = serializer.deserialize(
                            new SimpleSerializedObject<>(rows.getBytes(1), byte[].class, rows.getString(2), null));
                    TrackingToken position = WrappedToken.unwrapLowerBound(token);
                    if (position != null) {
                        KafkaTrackingToken.from(position).getPositions().forEach((partition, offset) ->
                                positions.merge(partition.partition(), offset, Math::max));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the position of " + projection, e);
        }
        return positions;
    }
}
