package io.supplyline.query.projection;

import java.util.concurrent.Callable;

/**
 * Marks the thread of a projection that replays history into fresh tables (a rebuild): its changes
 * are not news, so they go neither to the live stream nor to waiting readers.
 */
public final class Replay {

    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private Replay() {
    }

    public static boolean isActive() {
        return ACTIVE.get();
    }

    public static <T> T during(Callable<T> work) throws Exception {
        ACTIVE.set(true);
        try {
            return work.call();
        } finally {
            ACTIVE.set(false);
            BatchRows.dropCarried();
        }
    }
}
