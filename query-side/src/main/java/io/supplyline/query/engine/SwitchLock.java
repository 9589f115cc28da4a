package io.supplyline.query.engine;

/**
 * A PostgreSQL advisory lock, held for the length of a transaction: every live batch takes it shared
 * first thing, and a rebuild takes it alone to swap its fresh tables in. Taking it before any row
 * means the swap waits for the batches under way, without a deadlock, and the next ones are refused
 * until it is done (they are read again).
 */
public final class SwitchLock {

    /** An arbitrary key, the same for every instance sharing the read-model database. */
    private static final long KEY = 5_099_116_640L;

    /**
     * Tried, not waited for: a serializable batch reads with the snapshot of its first statement, which
     * would predate a swap it had waited for. A batch that finds the lock taken is read again.
     */
    static final String TRY_SHARED = "SELECT pg_try_advisory_xact_lock_shared(" + KEY + ")";
    public static final String EXCLUSIVE = "SELECT pg_advisory_xact_lock(" + KEY + ")";
    /** Held by a rebuild's own connection for the whole rebuild: one at a time over all instances. */
    public static final String TRY_REBUILD = "SELECT pg_try_advisory_lock(" + (KEY + 1) + ")";
    /** A pooled connection keeps a session's locks: the rebuild gives it back before closing. */
    public static final String RELEASE_REBUILD = "SELECT pg_advisory_unlock(" + (KEY + 1) + ")";

    private SwitchLock() {
    }

    /** A rebuild is swapping tables in: the batch is read again in a moment. */
    static final class Held extends RuntimeException {
        Held() {
            super("A rebuild is switching the read models; the batch is read again");
        }
    }
}
