package io.supplyline.command.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;


import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;

/** The PostgreSQL event store: its streams follow commit order ({@link CommitOrderReader}). */
final class CommitOrderStorageEngine extends SnapshotReadingStorageEngine {

    private final CommitOrderSteps steps;
    private final CommitOrderPositions positions;

    CommitOrderStorageEngine(Builder builder, Predicate<String> snapshotted, CommitOrderSteps steps,
                             CommitOrderPositions positions) {
        super(builder, snapshotted);
        this.steps = steps;
        this.positions = positions;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return steps.fetch(lastToken, batchSize);
    }

    @Override
    public TrackingToken createTailToken() {
        return CommitOrderToken.tail();
    }

    @Override
    public TrackingToken createHeadToken() {
        return positions.head();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return positions.at(dateTime);
    }
}
