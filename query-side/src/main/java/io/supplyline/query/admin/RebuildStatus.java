package io.supplyline.query.admin;

import java.time.Instant;

/**
 * A projection's latest rebuild: {@code QUEUED}, {@code REPLAYING} (into fresh tables, while the
 * live ones keep answering), {@code SWITCHING} (the fresh tables replace the live ones), {@code DONE}
 * or {@code FAILED} (the live tables are untouched).
 */
public record RebuildStatus(String state, Instant requestedAt, Instant startedAt, Instant finishedAt,
                            long replayedEvents, long lagEvents, double eventsPerSecond, String error) {
}
