package io.supplyline.query.projection;

import java.util.concurrent.Callable;

/**
 * Marks the thread of a projection that replays history into fresh tables (a rebuild): its changes
 * are not news, so they go neither to the live stream nor to waiting readers.
 *
 * <p>A replay {@link #inMemory in memory} keeps the rows it makes and changes from batch to batch and
 * writes them when it is told to ({@link ProjectionRows#writeOut}), or when it holds more than it may
 * keep: a row changed in many batches is then written once, mostly by {@code COPY}, where writing every
 * batch updated it each time (and each update of a fresh table also updates every index of the row).
 * Nobody reads a replay's tables before it ends, and a replay that fails starts again from the first
 * offset, so nothing needs to be on disk before then. Its one cost: a batch whose transaction does not
 * commit leaves changes in memory that no longer match anything, so the replay must start again
 * (writing every batch, which can find and park a failing event).
 */
public final class Replay {

    private static final ThreadLocal<Replay> ACTIVE = new ThreadLocal<>();

    final boolean inMemory;
    /** A replay in memory keeps its rows while the heap is filled at most this much ({@link HeapRoom}). */
    final double heapShare;
    /** Whether rows of this replay were ever dropped from memory: the tables may hold rows memory does not. */
    boolean dropped;

    private Replay(boolean inMemory, double heapShare) {
        this.inMemory = inMemory;
        this.heapShare = heapShare;
    }

    public static boolean isActive() {
        return ACTIVE.get() != null;
    }

    /** The replay of this thread; null if none. */
    static Replay current() {
        return ACTIVE.get();
    }

    /** Whether this thread replays with its rows in memory: a failed batch cannot be applied again. */
    public static boolean writesDeferred() {
        Replay replay = ACTIVE.get();
        return replay != null && replay.inMemory;
    }

    /** A replay that writes its rows at the end of each transaction. */
    public static <T> T during(Callable<T> work) throws Exception {
        return run(new Replay(false, 0), work);
    }

    /**
     * A replay that keeps its rows in memory until told to write them (see the class comment), or until
     * they fill {@code heapShare} of the heap's old generation: then it writes them and reads again those
     * it needs.
     */
    public static <T> T inMemory(double heapShare, Callable<T> work) throws Exception {
        return run(new Replay(true, heapShare), work);
    }

    private static <T> T run(Replay replay, Callable<T> work) throws Exception {
        ACTIVE.set(replay);
        try {
            return work.call();
        } finally {
            ACTIVE.remove();
            TransactionRows.dropCarried();
        }
    }
}
