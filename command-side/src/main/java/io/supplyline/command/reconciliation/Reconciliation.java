package io.supplyline.command.reconciliation;

import java.time.Instant;
import java.util.List;

/**
 * Store against topic: every stored event should be on the topic exactly once, in its aggregate's
 * order. {@code missingFromTopic} includes events the relay has not published yet (right after a
 * burst, the relay's lag); {@code lostFromTopic} are those of them the relay's position says it
 * published: those are really lost, and should always be 0.
 */
public record Reconciliation(boolean consistent, Instant checkedAt, long storedEvents, long topicRecords,
                             long aggregates, long missingFromTopic, long lostFromTopic, long duplicatesOnTopic,
                             long outOfOrderOnTopic, long unknownOnTopic, long millis, List<Finding> findings) {

    /**
     * @param problem {@code MISSING} (not on the topic yet), {@code LOST} (not on the topic, though the relay
     *                passed it), {@code DUPLICATED}, {@code OUT_OF_ORDER} or {@code UNKNOWN} (on the topic, not in the store)
     */
    public record Finding(String aggregateId, String problem, long events) {
    }
}
