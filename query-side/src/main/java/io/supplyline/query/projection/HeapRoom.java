package io.supplyline.query.projection;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Whether the heap has room for more of a replay's rows: the old generation, as its last collection
 * left it (what is live, not what is garbage yet), fills at most a given share of its maximum. Near the
 * maximum the collector runs again and again and frees little, and the next step is running out of memory.
 */
final class HeapRoom {

    /** Serial "Tenured Gen", parallel "PS Old Gen", G1 "G1 Old Gen". */
    private static final List<MemoryPoolMXBean> OLD = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
            .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
            .toList();

    private HeapRoom() {
    }

    /** The pools watched: one on every collector the services run with, else a replay could fill the heap. */
    static List<String> watched() {
        return OLD.stream().map(MemoryPoolMXBean::getName).toList();
    }

    /** Whether a replay should write its rows and let them go; a share of 0 leaves no room at all. */
    static boolean isShort(double share) {
        if (share <= 0) {
            return true;
        }
        for (MemoryPoolMXBean pool : OLD) {
            MemoryUsage afterCollection = pool.getCollectionUsage();
            long max = pool.getUsage().getMax() > 0 ? pool.getUsage().getMax() : Runtime.getRuntime().maxMemory();
            if (afterCollection != null && afterCollection.getUsed() > share * max) {
                return true;
            }
        }
        return false;
    }
}
