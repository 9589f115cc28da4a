package io.supplyline.query.admin;

import java.time.Instant;
import java.util.Map;

/**
 * One projection's processor: whether it runs, where it is in the topic (per partition: the offset
 * of the last event applied), how many events it has still to apply, how far behind the events it
 * is in time (now minus the latest applied event's timestamp, while it has events to apply), and
 * how many events per second it applied over the last ten seconds; and its latest rebuild, if any.
 */
public record ProjectionStatus(String name, boolean running, boolean error, Map<Integer, Long> positions,
                               long lagEvents, long lagMillis, double eventsPerSecond, Instant lastEventAt,
                               RebuildStatus rebuild) {

    ProjectionStatus withRebuild(RebuildStatus latest) {
        return new ProjectionStatus(name, running, error, positions, lagEvents, lagMillis, eventsPerSecond, lastEventAt,
                latest);
    }
}
