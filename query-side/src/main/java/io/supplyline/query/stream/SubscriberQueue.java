package io.supplyline.query.stream;

import java.util.ArrayDeque;
import java.util.Deque;

import org.jboss.logging.Logger;

/**
 * What one subscriber has still to receive. The feed offers each change to every queue under its own
 * lock, so a queue holds them in number order whichever transaction committed first; they are sent
 * after that lock is released, one at a time, by whichever thread finds the queue idle, so two
 * publishers never overtake each other and a slow send never holds up the feed. Bounded: a subscriber
 * that has {@code capacity} changes not yet written to its connection is too far behind to keep.
 */
final class SubscriberQueue {

    private static final Logger LOG = Logger.getLogger(SubscriberQueue.class);

    private final LiveFeed.Subscriber subscriber;
    private final int capacity;
    private final Deque<LiveFeed.Change> waiting = new ArrayDeque<>();
    /** Changes waiting, or sent but not yet written (the connection's own buffer is part of the bound). */
    private int unwritten;
    private boolean sending;
    private boolean dropped;

    SubscriberQueue(LiveFeed.Subscriber subscriber, int capacity) {
        this.subscriber = subscriber;
        this.capacity = capacity;
    }

    LiveFeed.Subscriber subscriber() {
        return subscriber;
    }

    /** @return false, taking nothing, when the subscriber is {@code capacity} changes behind */
    synchronized boolean offer(LiveFeed.Change change) {
        if (unwritten >= capacity) {
            return false;
        }
        unwritten++;
        waiting.addLast(change);
        return true;
    }

    /** Sends nothing more. */
    synchronized void drop() {
        dropped = true;
        waiting.clear();
    }

    /** Sends what waits, unless another thread is sending already (it sends what this one would). */
    void drain() {
        while (true) {
            LiveFeed.Change next;
            synchronized (this) {
                if (sending || dropped || waiting.isEmpty()) {
                    return;
                }
                sending = true;
                next = waiting.removeFirst();
            }
            try {
                subscriber.send(next).whenComplete((ignored, failure) -> written());
            } catch (RuntimeException e) {
                // One subscriber's failure must not reach the transaction that published the change.
                LOG.debugf(e, "A subscriber could not take change %d", next.sequence());
                written();
            } finally {
                synchronized (this) {
                    sending = false;
                }
            }
        }
    }

    private synchronized void written() {
        unwritten--;
    }
}
