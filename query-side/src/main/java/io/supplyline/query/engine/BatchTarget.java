package io.supplyline.query.engine;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where a batch's transaction writes: the live read models, or a rebuild's fresh tables. */
interface BatchTarget {

    /** The first thing in every transaction of a batch. */
    void begin() throws SQLException;

    /** The last thing in the transaction: partitions move from {@code moves[p][0]} to {@code moves[p][1]}. */
    void advance(Map<Integer, long[]> moves) throws SQLException;

    /** Parked events go here. */
    DeadLetterParking parking(String projection);

    /**
     * Which of {@code projections} have events parked: asked once per batch, so that empty dead-letter
     * tables cost one question a batch, not one per projection or per event.
     */
    Set<String> parked(List<String> projections) throws SQLException;

    /** The batch's transaction parks events of the projection (it may yet roll back). */
    default void parks(String projection) {
    }
}
