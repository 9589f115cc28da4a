package io.supplyline.query.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.UnknownSerializedType;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.supplyline.query.engine.ProjectionHandlers.Invoker;
import io.supplyline.query.projection.CurrentBatch;
import io.supplyline.query.projection.Replay;
import io.supplyline.query.projection.UnknownEventType;

/**
 * Applies a batch of events to every projection in one transaction: each projection takes the batch's
 * events in partition order, its rows are written once at the end (in sets: {@code ProjectionRows}), and the
 * partitions' positions move in the same transaction. A batch that fails for a reason of its own is
 * applied again one event per transaction, to find the event and the projection that fail: that event
 * is retried a few times, then parked in that projection's dead letters, and the rest go on.
 */
final class BatchApplier {

    private static final Logger LOG = Logger.getLogger(BatchApplier.class);
    /** Failed attempts of one event in one projection before it is parked. */
    static final int ATTEMPTS = 3;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Tries of one event in careful mode before the engine backs off and reads the batch again. */
    private static final int MAX_TRIES = 30;

    /** One event of a batch and where it sits in the topic; a record that is no event message has none. */
    record Slot(EventMessage<?> event, int partition, long offset) {
    }

    private final ProjectionHandlers handlers;
    private final List<String> projections;
    private final ProjectionHandlers.Routes routes;
    private final BatchMeter meter;
    /** Batches in a row that lost a race to insert a row; a race is over at the next try, a bug is not. */
    private int duplicateRows;

    /** @param projections those to apply the events to, of all the handlers' */
    BatchApplier(ProjectionHandlers handlers, List<String> projections, BatchMeter meter) {
        this.handlers = handlers;
        this.projections = projections;
        this.routes = handlers.routes(projections);
        this.meter = meter;
    }

    /**
     * Applies the batch and moves {@code positions} (partition: next offset) past it.
     *
     * @throws RuntimeException a failure that says nothing about the events (see {@link Failures}): the
     *                          positions stay where the last committed transaction left them
     */
    void apply(List<Slot> batch, Map<Integer, Long> positions, BatchTarget target) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            Map<String, long[]> cpu = inTransaction(batch, positions, target, Map.of(), false, new Failing());
            meter(cpu, batch);
            moveOn(batch, positions);
            duplicateRows = 0;
        } catch (RuntimeException e) {
            if (Replay.writesDeferred() || Failures.transientFailure(e)
                    || (Failures.duplicateRow(e) && ++duplicateRows <= ATTEMPTS)) {
                throw e;
            }
            duplicateRows = 0;
            LOG.warnf("A batch of %d events failed (%s); applying it one event at a time to find the event", batch.size(), e);
            for (Slot slot : batch) {
                applyCarefully(slot, positions, target);
            }
        }
    }

    private void meter(Map<String, long[]> cpu, List<Slot> batch) {
        Instant lastEventAt = null;
        for (Slot slot : batch) {
            lastEventAt = slot.event() == null ? lastEventAt : slot.event().getTimestamp();
        }
        Instant last = lastEventAt;
        cpu.forEach((projection, spent) -> meter.applied(projection, spent[1], spent[0], last));
    }

    private static void moveOn(List<Slot> batch, Map<Integer, Long> positions) {
        for (Slot slot : batch) {
            positions.merge(slot.partition(), slot.offset() + 1, Math::max);
        }
    }

    /** One event in a transaction of its own, until it applies or its failing projections have parked it. */
    private void applyCarefully(Slot slot, Map<Integer, Long> positions, BatchTarget target) {
        Map<String, Throwable> park = new HashMap<>();
        Map<String, Integer> attempts = new HashMap<>();
        for (int tries = 1; ; tries++) {
            Failing failing = new Failing();
            try {
                meter(inTransaction(List.of(slot), positions, target, park, true, failing), List.of(slot));
                moveOn(List.of(slot), positions);
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
                    if (DeadLetterParking.refusedData(e) || failed >= ATTEMPTS) {
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

    /** Which projection was applying when a careful transaction failed. */
    private static final class Failing {
        String projection;
    }

    /**
     * @param park projections that park the batch's events (for the reason given) instead of applying them
     * @return per projection {cpu nanoseconds, events handled}
     */
    private Map<String, long[]> inTransaction(List<Slot> batch, Map<Integer, Long> positions, BatchTarget target,
                                              Map<String, Throwable> park, boolean careful, Failing failing) {
        List<EventMessage<?>> events = batch.stream().<EventMessage<?>>map(Slot::event).filter(Objects::nonNull).toList();
        Invoker[][][] routed = new Invoker[batch.size()][][];
        for (int i = 0; i < routed.length; i++) {
            EventMessage<?> event = batch.get(i).event();
            routed[i] = event == null || UnknownSerializedType.class.equals(event.getPayloadType()) ? null : routes.of(event);
        }
        return QuarkusTransaction.requiringNew().call(() -> CurrentBatch.during(events, () -> {
            try {
                target.begin();
                Set<String> parked = target.parked(projections);
                Map<String, long[]> spent = new LinkedHashMap<>();
                for (int p = 0; p < projections.size(); p++) {
                    String projection = projections.get(p);
                    failing.projection = projection;
                    long started = CPU.getCurrentThreadCpuTime();
                    long handled = applyTo(projection, p, batch, routed, target, parked.contains(projection), park.get(projection));
                    if (careful) {
                        handlers.writeRows();
                    }
                    spent.put(projection, new long[] {CPU.getCurrentThreadCpuTime() - started, handled});
                }
                failing.projection = null;
                handlers.writeRows();
                target.advance(moves(batch, positions));
                return spent;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    /** Writes the rows a replay keeps in memory ({@link Replay#inMemory}) into the target's tables. */
    void writeOut(BatchTarget target) {
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                target.begin();
                handlers.writeOut();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write the replay's rows", e);
            }
        });
    }

    /**
     * @param index the projection's place in {@link #projections}
     * @param routed per event of the batch, the handlers of each projection; null for no event or one of an unknown type
     * @param anyParked whether the projection had events parked before the batch (else none waits behind one)
     * @return how many of the events the projection handled
     */
    private long applyTo(String projection, int index, List<Slot> batch, Invoker[][][] routed, BatchTarget target,
                         boolean anyParked, Throwable parkWith) {
        DeadLetterParking parking = target.parking(projection);
        long handled = 0;
        Set<String> parkedHere = new HashSet<>();
        for (int i = 0; i < routed.length; i++) {
            EventMessage<?> event = batch.get(i).event();
            if (event == null) {
                continue;
            }
            if (routed[i] == null) {
                target.parks(projection);
                parking.park(event, new UnknownEventType(((UnknownSerializedType) event.getPayload()).serializedType()));
                meter.unknownType(projection);
                parkedHere.add(DeadLetterParking.sequenceOf(event));
                continue;
            }
            Invoker[] invokers = routed[i][index];
            if (invokers.length == 0) {
                continue;
            }
            if (parkWith != null) {
                target.parks(projection);
                parking.park(event, parkWith);
            } else if ((!anyParked && parkedHere.isEmpty()) || !parking.parksBehind(event)) {
                Invoker.handleAll(invokers, event);
                handled++;
            }
        }
        return handled;
    }

    /** Per partition {from, to}; a batch must start where its partitions are (else it is read again). */
    private static Map<Integer, long[]> moves(List<Slot> batch, Map<Integer, Long> positions) {
        Map<Integer, long[]> moves = new HashMap<>();
        for (Slot slot : batch) {
            Long from = positions.get(slot.partition());
            if (from == null || slot.offset() < from) {
                throw new PartitionPositions.PositionMoved(slot.partition(), from == null ? -1 : from);
            }
            moves.computeIfAbsent(slot.partition(), partition -> new long[] {from, 0})[1] = slot.offset() + 1;
        }
        return moves;
    }
}
