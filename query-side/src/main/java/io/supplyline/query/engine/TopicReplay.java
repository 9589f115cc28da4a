package io.supplyline.query.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.supplyline.query.projection.Replay;

/**
 * The engine replaying the topic from its first offset through some projections into another target
 * (a rebuild's fresh tables), never past the bounds it is given per partition: the live positions, so
 * that once the live instances pause, the replay can end exactly where they stopped. The topic is read
 * ahead on a thread of its own ({@link ReplayReader}).
 */
public final class TopicReplay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TopicReplay.class);

    private final ReplayReader reader;
    private final BatchApplier applier;
    private final BatchTarget target;
    private final Map<Integer, Long> positions = new HashMap<>();
    private final AtomicLong replayed = new AtomicLong();
    /** Read but not applied yet: past a bound when read, or in a batch that failed. */
    private List<BatchSlot> waiting = new ArrayList<>();

    TopicReplay(EventRecords records, ProjectionHandlers handlers, List<String> projections, BatchMeter meter,
                BatchTarget target, EngineSettings settings) {
        this.applier = new BatchApplier(handlers, projections, meter);
        this.target = target;
        this.reader = new ReplayReader(records, settings, positions);
    }

    /** Events replayed so far. */
    public long replayed() {
        return replayed.get();
    }

    /** Events between where the replay is and the bounds (partition: next offset). */
    public long lag(Map<Integer, Long> bounds) {
        long lag = 0;
        for (Map.Entry<Integer, Long> position : positions.entrySet()) {
            lag += Math.max(0, bounds.getOrDefault(position.getKey(), 0L) - position.getValue());
        }
        return lag;
    }

    /**
     * Applies one batch of what is there below the bounds.
     *
     * @return whether the replay has reached the bounds
     */
    public boolean stepTowards(Map<Integer, Long> bounds) throws InterruptedException {
        reader.bound(Map.copyOf(bounds));
        if (reached(bounds)) {
            return true;
        }
        List<BatchSlot> read = reader.next();
        if (read != null) {
            waiting.addAll(read);
        }
        // Offsets grow within a partition: once one slot is past its bound, all its later ones are too.
        List<BatchSlot> batch = new ArrayList<>();
        List<BatchSlot> later = new ArrayList<>();
        for (BatchSlot slot : waiting) {
            (slot.offset() < bounds.getOrDefault(slot.partition(), 0L) ? batch : later).add(slot);
        }
        waiting = later;
        if (!batch.isEmpty()) {
            try {
                applier.apply(batch, positions, target);
                replayed.addAndGet(batch.size());
            } catch (RuntimeException e) {
                if (Replay.writesDeferred()) {
                    throw new Broken(e);
                }
                LOG.warnf("A replay batch failed (%s); it is applied again", e);
                // What the careful mode applied before the failure has moved the positions.
                List<BatchSlot> again = new ArrayList<>();
                for (BatchSlot slot : batch) {
                    if (slot.offset() >= positions.get(slot.partition())) {
                        again.add(slot);
                    }
                }
                again.addAll(waiting);
                waiting = again;
                Thread.sleep(500);
            }
        }
        return reached(bounds);
    }

    /** Writes the rows the replay keeps in memory ({@link Replay#inMemory}): before its tables are read or switched in. */
    public void writeOut() {
        try {
            applier.writeOut(target);
        } catch (RuntimeException e) {
            // A row the database refuses (text it cannot store): which batch brought it is no longer known.
            throw Replay.writesDeferred() ? new Broken(e) : e;
        }
    }

    /** A replay {@linkplain Replay#inMemory in memory} failed (a batch, or writing its rows): it must start again. */
    public static final class Broken extends RuntimeException {
        Broken(Throwable cause) {
            super("The replay in memory cannot go on: " + cause, cause);
        }
    }

    private boolean reached(Map<Integer, Long> bounds) {
        return positions.entrySet().stream().allMatch(position -> position.getValue() >= bounds.getOrDefault(position.getKey(), 0L));
    }

    @Override
    public void close() throws InterruptedException {
        reader.close();
    }
}
