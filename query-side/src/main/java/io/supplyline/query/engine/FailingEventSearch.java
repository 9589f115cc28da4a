package io.supplyline.query.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;


/**
 * What follows a batch that failed for a reason of its own: it is applied again one event per transaction,
 * to find the event and the projection that fail. That event is retried a few times, then parked in that
 * projection's dead letters, and the rest go on.
 */
final class FailingEventSearch {

    /** Under the applier's name, with the rest of what applying batches logs. */
    private static final Logger LOG = Logger.getLogger(BatchApplier.class);
    /** Tries of one event in careful mode before the engine backs off and reads the batch again. */
    private static final int MAX_TRIES = 30;

    private final BatchApplier applier;
    private final ProjectionHandlers handlers;
    private final List<String> projections;

    FailingEventSearch(BatchApplier applier, ProjectionHandlers handlers, List<String> projections) {
        this.applier = applier;
        this.handlers = handlers;
        this.projections = projections;
    }

    /** One event in a transaction of its own, until it applies or its failing projections have parked it. */
    void applyCarefully(BatchSlot slot, Map<Integer, Long> positions, BatchTarget target) {
        Map<String, Throwable> park = new HashMap<>();
        Map<String, Integer> attempts = new HashMap<>();
        for (int tries = 1; ; tries++) {
            BatchApplier.Failing failing = new BatchApplier.Failing();
            try {
                applier.applyOne(slot, positions, target, park, failing);
                return;
            } catch (RuntimeException e) {
                if (Failures.transientFailure(e) || tries >= MAX_TRIES) {
                    throw e;
                }
                // A failure at commit (a count, the live stream's notice) names no projection: each that takes the event is suspect.
                List<String> suspects = failing.projection != null ? List.of(failing.projection) : projections.stream()
                        .filter(projection -> !park.containsKey(projection) && slot.event() != null
                                && handlers.handles(projection, slot.event()))
                        .toList();
                if (suspects.isEmpty()) {
                    throw e;
                }
                int most = 0;
                for (String projection : suspects) {
                    int failed = attempts.merge(projection, 1, Integer::sum);
                    most = Math.max(most, failed);
                    if (DeadLetterParking.refusedData(e) || failed >= BatchApplier.ATTEMPTS) {
                        LOG.warnf("Parking %s of %s in %s after %d attempts: %s", slot.event().getPayloadType().getSimpleName(),
                                DeadLetterParking.sequenceOf(slot.event()), projection, failed, e);
                        park.put(projection, e);
                    }
                }
                sleep(100L * most);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an event", e);
        }
    }
}
