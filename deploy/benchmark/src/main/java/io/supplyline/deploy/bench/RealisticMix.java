package io.supplyline.deploy.bench;

import java.net.URI;
import java.time.Duration;

import io.supplyline.deploy.generator.DayOptions;
import io.supplyline.deploy.generator.RealisticDay;

/**
 * The realistic-day generator's mix: orders with their shipments, purchase orders and receipts,
 * adjustments, cancellations and master-data changes, spread over many aggregates. Each phase is a
 * fresh day (its own warehouses, suppliers and products); the opening is not timed.
 */
final class RealisticMix implements Workload {

    private final URI commandApi;
    private long seed = 1;

    RealisticMix(URI commandApi) {
        this.commandApi = commandApi;
    }

    @Override
    public String name() {
        return "realistic";
    }

    @Override
    public double drive(int commands, int workers, double rate, Duration limit, Latencies latencies) throws Exception {
        DayOptions options = new DayOptions(commandApi, "operator", "operator", commands, workers, rate, seed++, "", DayOptions.Via.HTTP);
        RealisticDay day = new RealisticDay(options, latencies);
        latencies.pause();
        day.open();
        latencies.resume();
        long began = System.nanoTime();
        day.stopAfter(limit).drive();
        return (System.nanoTime() - began) / 1e9;
    }
}
