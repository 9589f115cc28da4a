package io.supplyline.query.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Numbers the feed's changes and keeps the latest {@value #KEPT}, so a client that reconnects with
 * {@code Last-Event-ID} can be told what it missed. Ids carry this instance's epoch, so an id from
 * another instance or from before a restart is recognised rather than misread. Guarded by the feed's lock.
 */
final class KeptChanges {

    static final int KEPT = 10_000;

    private final String epoch = Long.toString(System.currentTimeMillis(), 36);
    private final Deque<LiveFeed.Change> recent = new ArrayDeque<>();
    private long latest;

    LiveFeed.Change add(String type, Object data) {
        LiveFeed.Change change = new LiveFeed.Change(++latest, type, data);
        recent.addLast(change);
        if (recent.size() > KEPT) {
            recent.removeFirst();
        }
        return change;
    }

    /** The number of the latest change, 0 before the first. */
    long latest() {
        return latest;
    }

    /** The wire id of a change: this instance's epoch and the change's number. */
    String idOf(LiveFeed.Change change) {
        return epoch + "-" + change.sequence();
    }

    /** The kept changes after the one {@code lastEventId} names, or null when they cannot be told. */
    List<LiveFeed.Change> after(String lastEventId) {
        int dash = lastEventId.lastIndexOf('-');
        if (dash < 0 || !lastEventId.substring(0, dash).equals(epoch)) {
            return null;
        }
        long last;
        try {
            last = Long.parseLong(lastEventId.substring(dash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        long oldestKept = recent.isEmpty() ? latest + 1 : recent.peekFirst().sequence();
        if (last < oldestKept - 1 || last > latest) {
            return null;
        }
        return recent.stream().filter(change -> change.sequence() > last).toList();
    }
}
