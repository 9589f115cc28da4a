package io.supplyline.query.stream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.supplyline.query.stream.LiveFeed.Change;

/**
 * The changes one transaction announced to the {@link LiveFeed}, so that they go out only if it commits:
 * each announced view is taken once, as the transaction stands just before it commits, carried to the
 * other instances inside it, and published here once it has committed.
 */
final class AnnouncedChanges implements Synchronization {

    private final LiveFeed feed;
    private final TransactionSynchronizationRegistry transactions;
    /** By type and key: {type, view}. */
    private final Map<String, Object[]> pending = new LinkedHashMap<>();
    private List<Change> views = List.of();

    AnnouncedChanges(LiveFeed feed, TransactionSynchronizationRegistry transactions) {
        this.feed = feed;
        this.transactions = transactions;
    }

    /** A key changed several times in one transaction is published once, as it stands at the commit. */
    void announce(String type, String key, Supplier<Object> view) {
        pending.remove(type + "/" + key);
        pending.put(type + "/" + key, new Object[] {type, view});
    }

    @Override
    public void beforeCompletion() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return;
        }
        views = pending.values().stream()
                .map(change -> new Change(0, (String) change[0], ((Supplier<?>) change[1]).get())).toList();
        LiveFeed.Carrier others = feed.carrier;
        if (others != null) {
            others.carry(views);
        }
    }

    @Override
    public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
            views.forEach(view -> feed.publish(view.type(), view.data()));
        }
    }
}
