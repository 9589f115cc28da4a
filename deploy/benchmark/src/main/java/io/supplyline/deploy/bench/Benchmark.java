package io.supplyline.deploy.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.supplyline.events.EventTopic;

/**
 * Measures a running Supplyline (started by deploy/bench.sh on PostgreSQL and a real broker) and, in
 * the same run, the raw limits of the same PostgreSQL and Kafka: open-loop phases of the realistic
 * mix at fixed rates, a closed-loop realistic run, the hot-spot mix, relay lag, the time until the
 * read models catch up, a rebuild of every projection, the peak memory of each service and the query
 * side's CPU per event, live and rebuilding; then pgbench and Kafka's performance tools. Prints a
 * markdown summary and writes it with the JSON.
 */
public final class Benchmark {


    private final BenchSettings settings;
    private final Http admin;
    private final Http queryManagement;
    private final Http commandManagement;
    private final CommandBacklog commandBacklog;
    private final String runId = Long.toString(System.currentTimeMillis() % 60_466_176L, 36).toUpperCase();

    private Benchmark(BenchSettings settings) {
        this.settings = settings;
        this.admin = new Http(settings.queryApi(), "admin", "admin");
        this.queryManagement = new Http(settings.queryManagement(), "admin", "admin");
        this.commandManagement = new Http(settings.commandManagement(), "admin", "admin");
        this.commandBacklog = new CommandBacklog(settings.commandManagement());
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings;
        try {
            settings = BenchSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Results results = new Benchmark(settings).run();
        String markdown = Markdown.of(results);
        Files.createDirectories(settings.out());
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writeValue(settings.out().resolve("results.json").toFile(), results);
        Files.writeString(settings.out().resolve("results.md"), markdown);
        System.out.println();
        System.out.print(markdown);
        System.out.println("\nWritten to " + settings.out().toAbsolutePath() + "/results.{json,md}");
        long failed = results.loads().stream().mapToLong(LoadResult::failed).sum();
        System.exit(failed == 0 ? 0 : 1);
    }

    private Results run() throws Exception {
        Instant started = Instant.now();
        List<LoadResult> loads = new ArrayList<>();
        Map<String, Long> peakMemory;
        double drainSeconds;
        LiveCpu liveCpu;
        AggregateLoads aggregateLoads;
        ProcessCpu queryProcess;
        InboundBurst.Result inbound;
        DashboardLoad.Result dashboard;
        try (ResidentMemory memory = new ResidentMemory(Map.of(
                "command-side", "-Dquarkus.http.port=" + settings.commandPort(),
                "query-side", "-Dquarkus.http.port=" + settings.queryPort(),
                "kafka", "--port " + settings.kafkaPort()));
             LagProbe probe = new LagProbe(settings.commandApi(), settings.queryApi(), runId)) {
            RealisticMix realistic = new RealisticMix(settings.commandApi());
            // The JVMs compile their hot paths in the first thousands of commands; measure after that.
            Step.timed("warming up: " + settings.warmUp() + " realistic commands, not measured", () -> realistic.drive(
                    settings.warmUp(), settings.workers(), 0, settings.phaseLimit(), new Latencies()));
            queryProcess = new ProcessCpu(memory.pid("query-side"));
            // Counted from here, once the warm-up's events are applied, until the last phase's are.
            awaitCaughtUp();
            LiveCpu.Reading beforeLoad =
                    LiveCpu.Reading.take(settings.kafka(), EventTopic.NAME, queryManagement, queryProcess);
            AggregateLoads loadsBefore = AggregateLoads.read(commandManagement);
            for (double rate : settings.rates()) {
                loads.add(phase(realistic, probe, (int) (rate * settings.phaseSeconds()),
                        BenchSettings.openLoopWorkers(rate), rate));
            }
            loads.add(phase(realistic, probe, settings.closedLoop(), settings.workers(), 0));
            HotSpotMix hotSpot = new HotSpotMix(settings.commandApi(), runId);
            loads.add(phase(hotSpot, probe, settings.hotSpot(), settings.workers(), 0));
            loads.add(phase(hotSpot, probe, settings.hotSpot(), BenchSettings.openLoopWorkers(settings.hotSpotRate()),
                    settings.hotSpotRate()));
            awaitCaughtUp();
            inbound = Step.timed("inbound feeds: " + settings.inbound() + " orders published at once to the orders feed, a probe "
                    + "order ten times a second", () -> InboundBurst.run(settings, commandBacklog, runId, settings.inbound()));
            log(String.format("  %.0f records/s, inbound → read model lag p50 %.1f p99 %.1f ms", inbound.recordsPerSecond(),
                    inbound.lag().p50(), inbound.lag().p99()));
            drainSeconds = awaitCaughtUp();
            liveCpu = LiveCpu.between(beforeLoad,
                    LiveCpu.Reading.take(settings.kafka(), EventTopic.NAME, queryManagement, queryProcess));
            aggregateLoads = AggregateLoads.read(commandManagement).since(loadsBefore);
            long loaded = settings.warmUp() + inbound.records() + loads.stream().mapToLong(LoadResult::requests).sum();
            int liveCommands = (int) (settings.dashboardRate() * settings.phaseSeconds());
            dashboard = Step.timed(String.format("dashboard in headless Chromium with %,d commands loaded, then %.0f commands/s "
                    + "live", loaded, settings.dashboardRate()), () -> DashboardLoad.measure(settings.queryApi(), loaded,
                    realistic, liveCommands, settings.dashboardRate(), settings.phaseLimit()));
            log(String.format("  first paint %.0f ms, data shown %.0f ms; %d live updates, mean %.2f ms, max %.1f ms, "
                    + "main thread blocked %.0f ms", dashboard.firstPaintMs(), dashboard.readyMs(), dashboard.updates(),
                    dashboard.updateMeanMs(), dashboard.updateMaxMs(), dashboard.blockedMs()));
            peakMemory = memory.peakMegabytes();
        }
        TopicScan topic = Step.timed("reading the topic for relay lag",
                () -> TopicScan.of(settings.kafka(), EventTopic.NAME, started));
        Rebuild rebuild = Step.timed("rebuilding every projection from offset 0 (" + topic.records() + " events)",
                () -> Rebuild.all(admin, queryProcess, topic.records(), Duration.ofMinutes(30)));
        Rebuild rebuildAgain = Step.timed("rebuilding every projection again, its code compiled now",
                () -> Rebuild.all(admin, queryProcess, topic.records(), Duration.ofMinutes(30)));
        PostgresBaseline postgres = Step.timed("baseline: pgbench, single-row insert transactions, " + settings.workers()
                + " clients", () -> PostgresBaseline.measure(settings.postgres(), settings.workers(),
                settings.pgbenchSeconds(), (int) topic.meanValueBytes()));
        KafkaBaseline kafka = Step.timed("baseline: Kafka producer and consumer performance tools", () -> KafkaBaseline.measure(
                settings.kafka(), EventTopic.NAME, topic.records(), (int) topic.meanValueBytes(), settings.producerRecords(),
                relayProducerSettings()));
        return new Results(started, settings.smoke(), machine(), loads, inbound, dashboard, drainSeconds, liveCpu, aggregateLoads, topic,
                rebuild, rebuildAgain, postgres, kafka, peakMemory);
    }

    /** One load phase, started when the read models have caught up with the one before. */
    private LoadResult phase(Workload workload, LagProbe probe, int commands, int workers, double rate) throws Exception {
        awaitCaughtUp();
        String mode = rate > 0 ? "open" : "closed";
        log(String.format("%s mix, %s loop, %s, %d clients, %d commands", workload.name(), mode,
                rate > 0 ? rate + "/s" : "as fast as answered", workers, commands));
        Latencies latencies = new Latencies();
        double seconds;
        try (LagProbe running = probe.start()) {
            seconds = workload.drive(commands, workers, rate, settings.phaseLimit(), latencies);
        }
        LoadResult result = new LoadResult(workload.name(), mode, rate, workers, commands, latencies.requests(),
                latencies.accepted(), latencies.refused(), latencies.failed(), Math.round(seconds * 10) / 10.0,
                Math.round(latencies.requests() / seconds), latencies.percentiles(), probe.percentiles(),
                probe.timeouts(), latencies.byCommand());
        log(String.format("  %.0f/s, latency p50 %.1f p99 %.1f ms, lag p50 %.1f p99 %.1f ms, %d failed; took %.1f s",
                result.achievedRate(), result.latency().p50(), result.latency().p99(), result.lag().p50(),
                result.lag().p99(), result.failed(), seconds));
        result.latencyByCommand().forEach((command, latency) -> log(String.format("    %-24s %6d  p50 %7.1f  p99 %7.1f ms",
                command, latency.samples(), latency.p50(), latency.p99())));
        return result;
    }

    /**
     * Waits until the relay and the processes have seen every stored event and every projection has
     * applied every event on the topic; the seconds that took.
     */
    private double awaitCaughtUp() throws InterruptedException {
        long began = System.nanoTime();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            JsonNode projections = admin.get("/admin/projections").body();
            boolean caughtUp = projections.size() > 0 && commandBacklog.events() == 0;
            for (JsonNode projection : projections) {
                caughtUp &= projection.path("lagEvents").asLong(-1) == 0;
            }
            if (caughtUp) {
                return Math.round((System.nanoTime() - began) / 1e8) / 10.0;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The processes and projections did not catch up within 10 minutes");
    }

    /** The relay's producer settings that matter for throughput, so the producer baseline uses them too. */
    private static Map<String, String> relayProducerSettings() {
        Map<String, String> relay = new LinkedHashMap<>();
        relay.put("acks", "all");
        relay.put("enable.idempotence", "true");
        relay.put("linger.ms", "0");
        return relay;
    }

    private static Map<String, String> machine() {
        Map<String, String> machine = new LinkedHashMap<>();
        Runtime runtime = Runtime.getRuntime();
        machine.put("cores", String.valueOf(runtime.availableProcessors()));
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("summary", runtime.availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", everything on one machine");
        return machine;
    }

    private static void log(String message) {
        System.out.printf("[bench] %s%n", message);
    }
}
