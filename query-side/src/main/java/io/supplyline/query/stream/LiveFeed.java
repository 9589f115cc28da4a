package io.supplyline.query.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The live feed of read-model changes and alerts for {@code GET /stream}. Projections announce a change
 * inside their transaction; it is published only when that transaction commits, in commit order.
 * The feed keeps the latest {@value #KEPT} changes so a client that reconnects with
 * {@code Last-Event-ID} gets what it missed; ids carry this instance's epoch, so an id from another
 * instance or before a restart is recognised and answered with a reset instead of a silent gap.
 */
@Singleton
public class LiveFeed {

    static final int KEPT = 10_000;
    /** The type of the change that says "reload": subscribers get it whatever types they asked for. */
    public static final String RESET = "reset";

    /** One change: {@code type} such as {@code stock-level} or {@code alert}, {@code data} its read-model view. */
    public record Change(long sequence, String type, Object data) {
    }

    /** Carries the changes made here to the other query instances, whose projections are not this one's. */
    public interface Carrier {

        /** Called inside the committing transaction with its changes, so they travel only if it commits. */
        void carry(List<Change> changes);

        void carryReset(String reason);
    }

    private final TransactionSynchronizationRegistry transactions;
    private final String epoch = Long.toString(System.currentTimeMillis(), 36);
    private final Deque<Change> recent = new ArrayDeque<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private long sequence;
    private volatile Carrier carrier;

    LiveFeed(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /**
     * Publishes a change of {@code key} when the current transaction commits, nothing if it rolls back.
     * A key changed several times in one transaction is published once, as it stands at the commit.
     *
     * @param view the read-model view, taken at the commit
     */
    public void announce(String type, String key, Supplier<Object> view) {
        @SuppressWarnings("unchecked")
        Map<String, Object[]> pending = (Map<String, Object[]>) transactions.getResource(this);
        if (pending == null) {
            pending = new LinkedHashMap<>();
            transactions.putResource(this, pending);
            transactions.registerInterposedSynchronization(new Committing(pending));
        }
        pending.remove(type + "/" + key);
        pending.put(type + "/" + key, new Object[] {type, view});
    }

    /**
     * Takes each announced view once, as the transaction stands just before it commits: carries them
     * to the other instances inside it, and publishes them here once it has committed.
     */
    private final class Committing implements Synchronization {

        private final Map<String, Object[]> pending;
        private List<Change> views = List.of();

        Committing(Map<String, Object[]> pending) {
            this.pending = pending;
        }

        @Override
        public void beforeCompletion() {
            if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
                return;
            }
            views = pending.values().stream()
                    .map(change -> new Change(0, (String) change[0], ((Supplier<?>) change[1]).get())).toList();
            Carrier others = carrier;
            if (others != null) {
                others.carry(views);
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                views.forEach(view -> publish(view.type(), view.data()));
            }
        }
    }

    private void publish(String type, Object data) {
        Change change;
        synchronized (recent) {
            change = new Change(++sequence, type, data);
            recent.addLast(change);
            if (recent.size() > KEPT) {
                recent.removeFirst();
            }
        }
        listeners.forEach(listener -> listener.accept(change));
    }

    /** Attaches what carries this instance's changes to the others (and theirs here, through {@link #publishCarried}). */
    public void carryWith(Carrier carrier) {
        this.carrier = carrier;
    }

    /** A change another query instance made, published here as if made here. */
    public void publishCarried(String type, Object data) {
        publish(type, data);
    }

    /** Tells every subscriber, here and on the other instances, to load the read models afresh (a rebuild). */
    public void reset(String reason) {
        publish(RESET, reason);
        Carrier others = carrier;
        if (others != null) {
            others.carryReset(reason);
        }
    }

    /** The wire id of a change: this instance's epoch and the change's number. */
    public String idOf(Change change) {
        return epoch + "-" + change.sequence();
    }

    /**
     * Subscribes; the changes after {@code lastEventId} that are still kept come first.
     *
     * @return the missed changes, or empty when they cannot be told (unknown epoch, or too old): the client should reload
     */
    public Optional<List<Change>> subscribe(String lastEventId, Consumer<Change> listener) {
        synchronized (recent) {
            listeners.add(listener);
            if (lastEventId == null) {
                return Optional.of(List.of());
            }
            int dash = lastEventId.lastIndexOf('-');
            if (dash < 0 || !lastEventId.substring(0, dash).equals(epoch)) {
                return Optional.empty();
            }
            long last;
            try {
                last = Long.parseLong(lastEventId.substring(dash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            long oldestKept = recent.isEmpty() ? sequence + 1 : recent.peekFirst().sequence();
            if (last < oldestKept - 1 || last > sequence) {
                return Optional.empty();
            }
            return Optional.of(recent.stream().filter(change -> change.sequence() > last).toList());
        }
    }

    public void unsubscribe(Consumer<Change> listener) {
        listeners.remove(listener);
    }

    /** How many listen now (for tests that must not publish before their stream listens). */
    int subscribers() {
        return listeners.size();
    }
}
