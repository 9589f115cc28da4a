package io.supplyline.deploy.bench;

import java.util.concurrent.TimeUnit;

/**
 * When the i-th request of an open-loop run is due. Latency is measured from that moment, so a
 * service that stalls shows as latency rather than as requests quietly sent later (coordinated omission).
 */
final class Pacing {

    private final long start = System.nanoTime();
    private final double rate;

    Pacing(double rate) {
        this.rate = rate;
    }

    /** Sleeps until request {@code index} is due; returns the due time, or now for a closed loop. */
    long awaitTurn(long index) throws InterruptedException {
        if (rate <= 0) {
            return System.nanoTime();
        }
        long due = start + (long) (index * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        return due;
    }
}
