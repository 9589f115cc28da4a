package io.supplyline.query.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import java.time.Instant;
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
 * applied again one event per transaction, to find the event and the projection that fail
 * ({@link FailingEventSearch}).
 */
final class BatchApplier {

    private static final Logger LOG = Logger.getLogger(BatchApplier.class);
    /** Failed attempts of one event in one projection before it is parked. */
    static final int ATTEMPTS = 3;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final ProjectionHandlers handlers;
    private final List<String> projections;
    private final ProjectionHandlers.Routes routes;
    private final BatchMeter meter;
    private final FailingEventSearch search;
    /** Batches in a row that lost a race to insert a row; a race is over at the next try, a bug is not. */
    private int duplicateRows;

    /** @param projections those to apply the events to, of all the handlers' */
    BatchApplier(ProjectionHandlers handlers, List<String> projections, BatchMeter meter) {
        this.handlers = handlers;
        this.projections = projections;
        this.routes = handlers.routes(projections);
        this.meter = meter;
        this.search = new FailingEventSearch(this, handlers, projections);
    }

    /**
     * Applies the batch and moves {@code positions} (partition: next offset) past it.
     *
     * @throws RuntimeException a failure that says nothing about the events (see {@link Failures}): the
     *                          positions stay where the last committed transaction left them
     */
    void apply(List<BatchSlot> batch, Map<Integer, Long> positions, BatchTarget target) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            Map<String, long[]> cpu = inTransaction(batch, positions, target, Map.of(), false, new Failing());
            meter(cpu, batch);
            BatchSlot.moveOn(batch, positions);
            duplicateRows = 0;
        } catch (RuntimeException e) {
            if (Replay.writesDeferred() || Failures.transientFailure(e)
                    || (Failures.duplicateRow(e) && ++duplicateRows <= ATTEMPTS)) {
                throw e;
            }
            duplicateRows = 0;
            LOG.warnf("A batch of %d events failed (%s); applying it one event at a time to find the event", batch.size(), e);
            for (BatchSlot slot : batch) {
                search.applyCarefully(slot, positions, target);
            }
        }
    }

    private void meter(Map<String, long[]> cpu, List<BatchSlot> batch) {
        Instant lastEventAt = null;
        for (BatchSlot slot : batch) {
            lastEventAt = slot.event() == null ? lastEventAt : slot.event().getTimestamp();
        }
        Instant last = lastEventAt;
        cpu.forEach((projection, spent) -> meter.applied(projection, spent[1], spent[0], last));
    }

    /** The event alone in a transaction ({@link FailingEventSearch}). */
    void applyOne(BatchSlot slot, Map<Integer, Long> positions, BatchTarget target, Map<String, Throwable> park,
                  Failing failing) {
        meter(inTransaction(List.of(slot), positions, target, park, true, failing), List.of(slot));
        BatchSlot.moveOn(List.of(slot), positions);
    }

    /** Which projection was applying when a careful transaction failed. */
    static final class Failing {
        String projection;
    }

    /**
     * @param park projections that park the batch's events (for the reason given) instead of applying them
     * @return per projection {cpu nanoseconds, events handled}
     */
    private Map<String, long[]> inTransaction(List<BatchSlot> batch, Map<Integer, Long> positions, BatchTarget target,
                                              Map<String, Throwable> park, boolean careful, Failing failing) {
        List<EventMessage<?>> events = batch.stream().<EventMessage<?>>map(BatchSlot::event).filter(Objects::nonNull).toList();
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
                target.advance(BatchSlot.moves(batch, positions));
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
    private long applyTo(String projection, int index, List<BatchSlot> batch, Invoker[][][] routed, BatchTarget target,
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
}
