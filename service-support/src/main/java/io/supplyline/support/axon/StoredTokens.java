package io.supplyline.support.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import io.supplyline.events.axon.EventSerializer;

/**
 * Where a tracking processor's segments stand, as their last batches stored it in the token store,
 * read without claiming them (Axon's own fetch would claim): for lag gauges on an instance that does
 * not run that processor.
 */
public final class StoredTokens {

    private static final Serializer SERIALIZER = EventSerializer.create();

    private StoredTokens() {
    }

    /** The stored position of each segment that has one (a replay's, its lower bound). */
    public static List<TrackingToken> of(Connection connection, String processor) throws SQLException {
        List<TrackingToken> tokens = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT token, tokentype FROM tokenentry WHERE processorname = ? AND token IS NOT NULL")) {
            query.setString(1, processor);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    TrackingToken token = WrappedToken.unwrapLowerBound(SERIALIZER.deserialize(
                            new SimpleSerializedObject<>(rows.getBytes(1), byte[].class, rows.getString(2), null)));
                    if (token != null) {
                        tokens.add(token);
                    }
                }
            }
        }
        return tokens;
    }
}
