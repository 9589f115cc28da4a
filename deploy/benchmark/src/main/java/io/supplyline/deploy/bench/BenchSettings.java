package io.supplyline.deploy.bench;

import java.net.URI;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to measure against, and how much. {@code --smoke} runs every phase small, in a few minutes.
 *
 * @param rates          open-loop rates of the realistic mix, commands per second
 * @param phaseSeconds   how long each open-loop phase sends
 * @param closedLoop     commands of the closed-loop realistic run, and its concurrent clients
 * @param hotSpot        commands of each hot-spot run; {@code hotSpotRate} its open-loop rate
 */
record BenchSettings(boolean smoke, URI commandApi, URI commandManagement, URI queryApi, URI queryManagement, String kafka,
                     PostgresBaseline.Postgres postgres, int commandPort, int queryPort, int kafkaPort, Path out,
                     List<Double> rates, int phaseSeconds, int closedLoop, int workers, int hotSpot, double hotSpotRate,
                     long producerRecords, int pgbenchSeconds) {

    static final String USAGE = """
            usage: Benchmark [--smoke] [--command-port 18080] [--command-management-port 19080] [--query-port 18081]
                             [--query-management-port 19081] [--kafka-port 19092]
                             [--pg-host 127.0.0.1] [--pg-port 5432] [--pg-database supplyline_bench_command]
                             [--pg-user supplyline] [--pg-password supplyline] [--out bench-results]
                             [--rates 250,500,1000,2000] [--seconds 30] [--workers 32]""";

    static BenchSettings parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        boolean smoke = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--smoke")) {
                smoke = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                given.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("Unexpected argument " + args[i] + "\n" + USAGE);
            }
        }
        Set<String> known = Set.of("command-port", "command-management-port", "query-port", "query-management-port",
                "kafka-port", "pg-host", "pg-port", "pg-database", "pg-user", "pg-password", "out", "rates", "seconds", "workers");
        if (!known.containsAll(given.keySet())) {
            throw new IllegalArgumentException("Unknown options " + given.keySet() + "\n" + USAGE);
        }
        int commandPort = Integer.parseInt(given.getOrDefault("command-port", "18080"));
        // Health and metrics: the command side's management port, not its API port
        int commandManagementPort = Integer.parseInt(given.getOrDefault("command-management-port", "19080"));
        int queryPort = Integer.parseInt(given.getOrDefault("query-port", "18081"));
        // The query side's projection counters (events applied, CPU) are on its management port too
        int queryManagementPort = Integer.parseInt(given.getOrDefault("query-management-port", "19081"));
        int kafkaPort = Integer.parseInt(given.getOrDefault("kafka-port", "19092"));
        var postgres = new PostgresBaseline.Postgres(given.getOrDefault("pg-host", "127.0.0.1"),
                Integer.parseInt(given.getOrDefault("pg-port", "5432")),
                given.getOrDefault("pg-database", "supplyline_bench_command"),
                given.getOrDefault("pg-user", "supplyline"), given.getOrDefault("pg-password", "supplyline"));
        List<Double> rates = Arrays.stream(given.getOrDefault("rates", smoke ? "100,200" : "250,500,1000,2000").split(","))
                .map(Double::parseDouble).toList();
        int workers = Integer.parseInt(given.getOrDefault("workers", smoke ? "16" : "32"));
        return new BenchSettings(smoke, URI.create("http://localhost:" + commandPort),
                URI.create("http://localhost:" + commandManagementPort), URI.create("http://localhost:" + queryPort),
                URI.create("http://localhost:" + queryManagementPort), "localhost:" + kafkaPort, postgres,
                commandPort, queryPort, kafkaPort, Path.of(given.getOrDefault("out", "bench-results")), rates,
                Integer.parseInt(given.getOrDefault("seconds", smoke ? "8" : "30")),
                smoke ? 1_500 : 20_000, workers, smoke ? 600 : 8_000, smoke ? 100 : 500,
                smoke ? 50_000 : 500_000, smoke ? 5 : 15);
    }

    /** Commands sent before measuring anything, so the services run compiled code. */
    /** Orders published at once to the orders feed. */
    int inbound() {
        return smoke ? 500 : 5_000;
    }

    /** Commands per second the realistic mix sends while the dashboard is measured. */
    double dashboardRate() {
        return smoke ? 50 : 100;
    }

    int warmUp() {
        return smoke ? 1_000 : 5_000;
    }

    /** A phase stops sending after twice its planned time, so a rate the system cannot hold ends too. */
    Duration phaseLimit() {
        return Duration.ofSeconds(Math.max(2L * phaseSeconds, smoke ? 60 : 120));
    }

    /** Enough clients that an open-loop phase never waits for a free one (up to 5 s of latency at 50/s each). */
    static int openLoopWorkers(double rate) {
        return (int) Math.max(8, Math.min(256, rate / 10));
    }
}
