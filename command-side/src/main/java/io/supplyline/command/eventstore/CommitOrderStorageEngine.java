package io.supplyline.command.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;


import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;

/** The PostgreSQL event store: its streams follow commit order ({@link CommitOrderReader}). */
final class CommitOrderStorageEngine extends SnapshotReadingStorageEngine {

    private final CommitOrderReader reader;

    CommitOrderStorageEngine(Builder builder, Predicate<String> snapshotted, CommitOrderReader reader) {
        super(builder, snapshotted);
        this.reader = reader;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return reader.fetch(lastToken, batchSize);
    }

    @Override
    public TrackingToken createTailToken() {
        return CommitOrderToken.tail();
    }

    @Override
    public TrackingToken createHeadToken() {
        return reader.head();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return reader.at(dateTime);
    }
}
