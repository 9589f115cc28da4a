package io.supplyline.system.faults;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.supplyline.deploy.cluster.LocalCluster;
import io.supplyline.deploy.cluster.ServiceProcess;
import io.supplyline.deploy.generator.DayOptions;
import io.supplyline.deploy.generator.DayReport;
import io.supplyline.deploy.generator.RealisticDay;

/**
 * The realistic-day mix at a steady rate, spread over the command instances as a load balancer
 * would (a refused connection goes to the other instance), from {@link #start} until {@link #stop};
 * carrier tracking, warehouse scans and half the orders go through the inbound feeds' topics.
 */
public final class SteadyLoad {

    private final RealisticDay day;
    private final CompletableFuture<Void> running;
    private final long startedAt = System.nanoTime();

    private SteadyLoad(RealisticDay day) {
        this.day = day;
        this.running = CompletableFuture.runAsync(() -> {
            try {
                day.drive();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Opens a new day (its own warehouses, products and suppliers), then drives it at {@code rate} commands/s. */
    public static SteadyLoad start(LocalCluster cluster, double rate) {
        List<URI> commandApis = cluster.commandSides().stream().map(ServiceProcess::url).map(URI::create).toList();
        RealisticDay day = new RealisticDay(DayOptions.defaults().withSize(Integer.MAX_VALUE, 4, rate)
                .against(commandApis.get(0), "").via(DayOptions.Via.KAFKA, cluster.bootstrapServers()))
                .spreadOver(commandApis);
        day.open();
        return new SteadyLoad(day);
    }

    public DayReport stop() {
        day.stopAfter(Duration.ZERO);
        running.join();
        day.close();
        return day.report(Duration.ofNanos(System.nanoTime() - startedAt), -1);
    }

    public List<String> acknowledged() {
        return day.acknowledged();
    }

    /** The feed records the brokers acknowledged, as {@code feed/recordId}. */
    public List<String> published() {
        return day.published();
    }
}
