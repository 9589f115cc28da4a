package io.supplyline.deploy.bench;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many commands on few aggregates: receipts, adjustments and customer orders (each reserved by the
 * order-fulfilment process) all on the stock of {@value #ITEMS} products in one warehouse. Every
 * command of an item queues behind the others, so this measures the cost of contention.
 */
final class HotSpotMix implements Workload {

    static final int ITEMS = 4;

    private final Http commands;
    private final String warehouse;
    private final List<String> skus;

    HotSpotMix(URI commandApi, String runId) {
        this.commands = new Http(commandApi, "operator", "operator");
        this.warehouse = "HOT-" + runId;
        this.skus = StockedItems.register(commands, warehouse, ITEMS);
    }

    @Override
    public String name() {
        return "hot-spot";
    }

    @Override
    public double drive(int total, int workers, double rate, Duration limit, Latencies latencies) throws Exception {
        Pacing pacing = new Pacing(rate);
        long began = System.nanoTime();
        long stopAt = System.nanoTime() + limit.toNanos();
        AtomicLong sent = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Random random = new Random(w);
                running.add(pool.submit(() -> {
                    long index;
                    while ((index = sent.getAndIncrement()) < total && System.nanoTime() - stopAt < 0) {
                        long due = pacing.awaitTurn(index);
                        int status = sendOne(random);
                        latencies.record(name(), status, System.nanoTime() - due);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - began) / 1e9;
    }

    private int sendOne(Random random) {
        String sku = skus.get(random.nextInt(skus.size()));
        String stock = "/stock/" + warehouse + "/" + sku;
        int kind = random.nextInt(10);
        if (kind < 4) {
            return commands.post(stock + "/receipts", Map.of("quantity", 1 + random.nextInt(3))).status();
        }
        if (kind < 7) {
            boolean found = random.nextBoolean();
            return commands.post(stock + "/adjustments", Map.of("delta", found ? 1 : -1,
                    "reason", found ? "FOUND" : "DAMAGE")).status();
        }
        return commands.post("/orders", Map.of("customer", "Hot customer " + random.nextInt(50), "warehouse", warehouse,
                "requestedDeliveryDate", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString(),
                "lines", List.of(Map.of("sku", sku, "quantity", 1)))).status();
    }
}
