package io.supplyline.deploy.bench;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * End-to-end lag while a load phase runs: ten times a second it adjusts the stock of an item of its
 * own and, from the moment the command is accepted, asks the query side for the stock level with
 * {@code minVersion} of the accepted version. The query side answers once the stock-levels
 * projection has committed that version, so the time until the answer is command accepted →
 * visible in the read model (plus one local HTTP round trip).
 */
final class LagProbe implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 100;

    private final Http commands;
    private final Http queries;
    private final String stock;
    private final Histogram micros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3);
    private final LongAdder timeouts = new LongAdder();
    private volatile boolean running;
    private Thread thread;
    private boolean up;

    LagProbe(URI commandApi, URI queryApi, String runId) {
        this.commands = new Http(commandApi, "operator", "operator");
        this.queries = new Http(queryApi, "analyst", "analyst");
        String warehouse = "PROBE-" + runId;
        String sku = StockedItems.register(commands, warehouse, 1).get(0);
        this.stock = warehouse + "/" + sku;
    }

    /** Starts probing afresh; {@link #close()} stops. */
    LagProbe start() {
        micros.reset();
        timeouts.reset();
        running = true;
        thread = new Thread(this::probe, "lag-probe");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void probe() {
        while (running) {
            long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS);
            up = !up;
            Http.Answer accepted = commands.post("/stock/" + stock + "/adjustments",
                    Map.of("delta", up ? 1 : -1, "reason", "CYCLE_COUNT", "note", "lag probe"));
            long acceptedAt = System.nanoTime();
            if (accepted.ok()) {
                long version = accepted.body().path("version").asLong();
                Http.Answer visible = queries.get("/stock-levels/" + stock + "?minVersion=" + version);
                if (visible.ok()) {
                    micros.recordValue(Math.max(1, (System.nanoTime() - acceptedAt) / 1_000));
                } else {
                    timeouts.increment();
                }
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    Percentiles percentiles() {
        return Percentiles.of(micros);
    }

    /** Reads that were not answered within the query side's bound (5 s): lag beyond it. */
    long timeouts() {
        return timeouts.sum();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
