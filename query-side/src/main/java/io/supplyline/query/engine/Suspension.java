package io.supplyline.query.engine;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Whether the live engine holds off applying events, for operators and tests: the instance keeps its
 * partitions (they are paused), and whoever suspends it learns when no batch is under way any more.
 */
final class Suspension {

    private volatile boolean suspended;
    /** Set by the engine thread once it has paused for a suspension: no batch is under way then. */
    private volatile boolean pausedForSuspension;

    /** Suspends; returns once the engine has paused, or after {@code atMost}, or when {@code running} turns false. */
    void suspend(Duration atMost, BooleanSupplier running) throws InterruptedException {
        suspended = true;
        long deadline = System.nanoTime() + atMost.toNanos();
        while (running.getAsBoolean() && !pausedForSuspension && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    void resume() {
        suspended = false;
    }

    boolean suspended() {
        return suspended;
    }

    /**
     * On the engine thread, before a poll: while suspended, pauses every partition and polls (to stay in
     * the group) without applying anything.
     *
     * @return whether the engine is held off this time
     */
    boolean holds(KafkaConsumer<String, byte[]> consumer, Duration maxWait) {
        if (suspended) {
            consumer.pause(consumer.assignment());
            pausedForSuspension = true;
            consumer.poll(maxWait);
            return true;
        }
        pausedForSuspension = false;
        return false;
    }
}
