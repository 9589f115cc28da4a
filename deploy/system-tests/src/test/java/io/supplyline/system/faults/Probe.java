package io.supplyline.system.faults;

import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A command and its read-your-writes read, four times a second through whichever instances are up:
 * when the service works end to end again after a fault.
 */
final class Probe implements AutoCloseable {

    private final ClusterClient client;
    /** The round trips that succeeded: when each began and when its write was seen (System.nanoTime). */
    private final ConcurrentLinkedQueue<long[]> succeeded = new ConcurrentLinkedQueue<>();

    private final Thread thread;
    private volatile boolean running = true;

    Probe(ClusterClient client) {
        this.client = client;
        this.thread = new Thread(this::run, "fault-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            long started = System.nanoTime();
            Optional<Long> version = client.probeWrite();
            if (version.isPresent() && client.probeVisible(version.get())) {
                succeeded.add(new long[] {started, System.nanoTime()});
            }
            long left = 250 - (System.nanoTime() - started) / 1_000_000;
            if (left > 0) {
                try {
                    Thread.sleep(left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Seconds from {@code since} until a round trip begun after it had its write seen; -1 if none has yet. */
    double secondsUntilWorkingAfter(long since) {
        return succeeded.stream().filter(trip -> trip[0] >= since).mapToLong(trip -> trip[1]).min()
                .stream().mapToDouble(seen -> (seen - since) / 1e9).findFirst().orElse(-1);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(30_000);
    }
}
