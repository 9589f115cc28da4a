package io.supplyline.query.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A projection's latest rebuild: {@code QUEUED}, {@code REPLAYING} (into fresh tables, while the
 * live ones keep answering), {@code SWITCHING} (the fresh tables replace the live ones), {@code DONE}
 * or {@code FAILED} (the live tables are untouched). One replay rebuilds all of {@code projections};
 * {@code secondsLeft} is the lag over the replay's rate so far, and {@code cpuMicrosPerEvent} what each
 * projection's handlers cost per event of the topic.
 */
public record RebuildStatus(String state, List<String> projections, Instant requestedAt, Instant startedAt,
                            Instant finishedAt, long replayedEvents, long lagEvents, double eventsPerSecond,
                            Double secondsLeft, Map<String, Double> cpuMicrosPerEvent, String error) {
}
