package io.supplyline.query.engine;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import io.supplyline.query.projection.ScratchSchema;

/** Opens replays of the topic into fresh tables, with the live engine's handlers and settings. */
@Singleton
public class Replays {

    private final EventRecords records;
    private final ProjectionHandlers handlers;
    private final DeadLetterQueues deadLetters;
    private final EngineSettings settings;

    Replays(EventRecords records, ProjectionHandlers handlers, DeadLetterQueues deadLetters, EngineSettings settings) {
        this.records = records;
        this.handlers = handlers;
        this.deadLetters = deadLetters;
        this.settings = settings;
    }

    /** See {@link EngineSettings#replayHeapShare}. */
    public double heapShare() {
        return settings.replayHeapShare();
    }

    /** A replay through {@code projections} into the tables of {@code fresh} (and its dead-letter table). */
    public TopicReplay into(ScratchSchema fresh, List<String> projections, BatchMeter meter) {
        return new TopicReplay(records, handlers, projections, meter, new BatchTarget() {
            @Override
            public void begin() throws SQLException {
                fresh.useInCurrentTransaction();
            }

            @Override
            public void advance(Map<Integer, long[]> moves) {
                // A replay's position is its own, in memory: a failed rebuild starts again from the first offset.
            }

            /** The fresh tables hold only what this replay parks: no need to ask them. */
            private final Set<String> parked = ConcurrentHashMap.newKeySet();

            @Override
            public DeadLetterParking parking(String projection) {
                return deadLetters.of(projection);
            }

            @Override
            public Set<String> parked(List<String> projections) {
                return parked;
            }

            @Override
            public void parks(String projection) {
                parked.add(projection);
            }
        }, settings);
    }
}
