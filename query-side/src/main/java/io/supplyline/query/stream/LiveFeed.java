package io.supplyline.query.stream;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import jakarta.inject.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The live feed of read-model changes and alerts for {@code GET /stream}. Projections announce a change
 * inside their transaction; it is published only when that transaction commits, in commit order
 * ({@link AnnouncedChanges}).
 * Each change is numbered and queued for every subscriber under one lock, so every subscriber gets
 * every change once and in number order, however many transactions commit at once; a subscriber
 * that falls {@code supplyline.stream.buffer} changes behind is dropped rather than buffered without
 * end. A client that reconnects with {@code Last-Event-ID} gets what it missed from the changes kept
 * ({@link KeptChanges}), or a reset when that cannot be told, never a silent gap.
 */
@Singleton
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);
    /** The type of the change that says "reload": subscribers get it whatever types they asked for. */
    public static final String RESET = "reset";

    /** One change: {@code type} such as {@code stock-level} or {@code alert}, {@code data} its read-model view. */
    public record Change(long sequence, String type, Object data) {
    }

    /** One subscriber's end of the feed, such as a client's stream. */
    public interface Subscriber {

        /**
         * Sends one change; called for one change at a time, in number order.
         *
         * @return completes once the change is written out (or failed to be): until then it counts as unwritten
         */
        CompletionStage<?> send(Change change);

        /** The feed gave up on this subscriber, which fell too far behind: it gets nothing more. */
        default void dropped() {
        }
    }

    /** Carries the changes made here to the other query instances, whose projections are not this one's. */
    public interface Carrier {

        /** Called inside the committing transaction with its changes, so they travel only if it commits. */
        void carry(List<Change> changes);

        void carryReset(String reason);
    }

    private final TransactionSynchronizationRegistry transactions;
    private final int maxSubscribers;
    private final int buffer;
    /** Guards the numbering, the kept changes and the subscribers: each change reaches every queue in turn. */
    private final Object lock = new Object();
    private final KeptChanges kept = new KeptChanges();
    private final Map<Subscriber, SubscriberQueue> subscribers = new LinkedHashMap<>();
    private long subscriptions;
    /** Read by {@link AnnouncedChanges} at each commit. */
    volatile Carrier carrier;

    /**
     * @param maxSubscribers how many subscribers this instance serves at once
     * @param buffer how many changes one subscriber may have unwritten before it is dropped
     */
    LiveFeed(TransactionSynchronizationRegistry transactions,
             @ConfigProperty(name = "supplyline.stream.max-subscribers", defaultValue = "100") int maxSubscribers,
             @ConfigProperty(name = "supplyline.stream.buffer", defaultValue = "1000") int buffer) {
        this.transactions = transactions;
        this.maxSubscribers = maxSubscribers;
        this.buffer = buffer;
    }

    /**
     * Publishes a change of {@code key} when the current transaction commits, nothing if it rolls back.
     * A key changed several times in one transaction is published once, as it stands at the commit.
     *
     * @param view the read-model view, taken at the commit
     */
    public void announce(String type, String key, Supplier<Object> view) {
        AnnouncedChanges pending = (AnnouncedChanges) transactions.getResource(this);
        if (pending == null) {
            pending = new AnnouncedChanges(this, transactions);
            transactions.putResource(this, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        pending.announce(type, key, view);
    }

    /** Numbers the change and queues it for every subscriber; drops those too far behind. */
    void publish(String type, Object data) {
        List<SubscriberQueue> behind = new ArrayList<>();
        List<SubscriberQueue> queues;
        synchronized (lock) {
            Change change = kept.add(type, data);
            for (Iterator<SubscriberQueue> queue = subscribers.values().iterator(); queue.hasNext(); ) {
                SubscriberQueue next = queue.next();
                if (!next.offer(change)) {
                    queue.remove();
                    behind.add(next);
                }
            }
            queues = List.copyOf(subscribers.values());
        }
        for (SubscriberQueue queue : behind) {
            LOG.infof("Dropped a stream that fell %d changes behind", buffer);
            queue.drop();
            queue.subscriber().dropped();
        }
        queues.forEach(SubscriberQueue::drain);
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
        return kept.idOf(change);
    }

    /**
     * Subscribes: the changes after {@code lastEventId} that are still kept come first, then every later one.
     * When the missed changes cannot be told (an id of another instance or epoch, too old, or more than a
     * subscriber may have unwritten), a reset comes first instead: the client should reload, then follow.
     *
     * @return false, subscribing nothing, when this instance serves as many subscribers as it may
     */
    public boolean subscribe(String lastEventId, Subscriber subscriber) {
        SubscriberQueue queue = new SubscriberQueue(subscriber, buffer);
        synchronized (lock) {
            if (subscribers.size() >= maxSubscribers) {
                return false;
            }
            List<Change> missed = lastEventId == null ? List.of() : kept.after(lastEventId);
            if (missed == null || missed.size() > buffer) {
                queue.offer(new Change(kept.latest(), RESET,
                        "The changes after " + lastEventId + " cannot be replayed here: reload, then follow"));
            } else {
                missed.forEach(queue::offer);
            }
            subscribers.put(subscriber, queue);
            subscriptions++;
        }
        queue.drain();
        return true;
    }

    public void unsubscribe(Subscriber subscriber) {
        SubscriberQueue queue;
        synchronized (lock) {
            queue = subscribers.remove(subscriber);
        }
        if (queue != null) {
            queue.drop();
        }
    }

    /** How many listen now. */
    int subscribers() {
        synchronized (lock) {
            return subscribers.size();
        }
    }

    /** How many subscribed since the start: tests await a rise to know their stream listens. */
    long subscriptions() {
        synchronized (lock) {
            return subscriptions;
        }
    }
}
