package io.supplyline.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Draws docs/performance-*.svg from a full benchmark run's bench-results/results.json, so the pictures in
 * docs/performance.md always come from measured data. A smoke run's numbers describe nothing but the phases
 * running, so its results leave the plots as they are.
 * <pre>java -cp target/benchmark.jar:target/lib/* io.supplyline.deploy.bench.PerformancePlots [results.json|dir] [out dir]</pre>
 */
public final class PerformancePlots {

    private static final String BLUE = "#2e86c1";
    private static final String GREY = "#aab7b8";
    private static final String GREEN = "#28b463";
    private static final String ORANGE = "#e67e22";
    private static final String RED = "#c0392b";
    private static final String PURPLE = "#8e44ad";

    private PerformancePlots() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args.length > 0 ? args[0] : "bench-results");
        if (Files.isDirectory(results)) {
            results = results.resolve("results.json");
        }
        Path out = Path.of(args.length > 1 ? args[1] : "docs");
        JsonNode run = Http.JSON.readTree(results.toFile());
        if (run.path("smoke").asBoolean()) {
            System.out.println(results + " is a smoke run: the plots in " + out + " stay as they are");
            return;
        }
        Files.createDirectories(out);
        for (Map.Entry<String, String> plot : plots(run).entrySet()) {
            Files.writeString(out.resolve(plot.getKey()), plot.getValue());
            System.out.println("Written " + out.resolve(plot.getKey()));
        }
    }

    /** Every plot's file name and SVG text, in a fixed order. */
    static Map<String, String> plots(JsonNode run) {
        String caption = "Data: bench-results/results.json, run " + run.path("startedAt").asText() + ", "
                + run.path("machine").path("summary").asText() + " (deploy/bench.sh)";
        Map<String, String> plots = new LinkedHashMap<>();
        plots.put("performance-latency.svg", latency(run, caption));
        plots.put("performance-throughput.svg", throughput(run, caption));
        plots.put("performance-commands.svg", commands(run, caption));
        plots.put("performance-projections.svg", projections(run, caption));
        plots.put("performance-memory.svg", memory(run, caption));
        return plots;
    }

    static String latency(JsonNode run, String caption) {
        List<JsonNode> phases = realistic(run, "open");
        phases.sort(Comparator.comparingDouble(phase -> phase.path("targetRate").asDouble()));
        List<String> rates = phases.stream().map(phase -> Svg.round(phase.path("targetRate").asDouble()) + "/s offered").toList();
        List<String> achieved = phases.stream().map(phase -> "achieved " + Svg.round(phase.path("achievedRate").asDouble()) + "/s").toList();
        return new LineChart("Realistic mix, open loop: command latency and read-model lag", "ms (log scale)", rates, achieved, List.of(
                new LineChart.Series("latency p50", BLUE, values(phases, phase -> phase.path("latency").path("p50"))),
                new LineChart.Series("latency p99", PURPLE, values(phases, phase -> phase.path("latency").path("p99"))),
                new LineChart.Series("read-model lag p50", GREEN, values(phases, phase -> phase.path("lag").path("p50"))),
                new LineChart.Series("read-model lag p99", ORANGE, values(phases, phase -> phase.path("lag").path("p99")))))
                .target(50, "target at 500/s: latency p99 ≤ 50 ms", PURPLE)
                .target(100, "target at 500/s: lag p99 ≤ 100 ms", ORANGE)
                .caption(caption).svg();
    }

    static String throughput(JsonNode run, String caption) {
        double nan = Double.NaN;
        List<String> categories = new ArrayList<>();
        List<Double> supplyline = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        realistic(run, "closed").forEach(phase -> add(categories, supplyline, baseline,
                "commands/s, realistic closed loop", phase.path("achievedRate").asDouble(),
                run.path("postgres").path("transactionsPerSecond").asDouble()));
        for (JsonNode phase : run.path("loads")) {
            if (phase.path("mix").asText().equals("hot-spot") && phase.path("mode").asText().equals("closed")) {
                add(categories, supplyline, baseline, "commands/s, hot-spot closed loop", phase.path("achievedRate").asDouble(), nan);
            }
        }
        add(categories, supplyline, baseline, "events/s, rebuild (first)", run.path("rebuild").path("eventsPerSecond").asDouble(),
                run.path("kafka").path("consumerRecordsPerSecond").asDouble());
        add(categories, supplyline, baseline, "events/s, rebuild (again)", run.path("rebuildAgain").path("eventsPerSecond").asDouble(), nan);
        add(categories, supplyline, baseline, "records/s, inbound orders feed", run.path("inbound").path("recordsPerSecond").asDouble(), nan);
        return new BarChart("Throughput against the same servers' own limits, same run", "per second (log scale)", categories, List.of(
                new BarChart.Series("Supplyline", BLUE, supplyline),
                new BarChart.Series("pgbench single-row commits / Kafka's consumer tool", GREY, baseline)), true)
                .caption(caption).svg();
    }

    static String commands(JsonNode run, String caption) {
        JsonNode at500 = realistic(run, "open").stream()
                .min(Comparator.comparingDouble(phase -> Math.abs(phase.path("targetRate").asDouble() - 500))).orElseThrow();
        List<Map.Entry<String, JsonNode>> byCommand = new ArrayList<>();
        at500.path("latencyByCommand").fields().forEachRemaining(byCommand::add);
        byCommand.sort(Comparator.comparingDouble((Map.Entry<String, JsonNode> command) -> -command.getValue().path("p99").asDouble())
                .thenComparing(Map.Entry::getKey));
        String rate = Svg.round(at500.path("targetRate").asDouble());
        return new BarChart("Latency by command, realistic mix at " + rate + "/s (open loop)", "ms",
                byCommand.stream().map(Map.Entry::getKey).toList(), List.of(
                new BarChart.Series("p50", BLUE, byCommand.stream().map(command -> command.getValue().path("p50").asDouble()).toList()),
                new BarChart.Series("p99", PURPLE, byCommand.stream().map(command -> command.getValue().path("p99").asDouble()).toList())), false)
                .target(50, "p99 target 50 ms").caption(caption).svg();
    }

    static String projections(JsonNode run, String caption) {
        JsonNode live = run.path("liveCpu");
        JsonNode rebuild = run.path("rebuild");
        List<String> names = new ArrayList<>();
        rebuild.path("cpuMicrosPerEventByProjection").fieldNames().forEachRemaining(names::add);
        live.path("projections").fieldNames().forEachRemaining(name -> {
            if (!names.contains(name)) {
                names.add(name);
            }
        });
        names.sort(Comparator.naturalOrder());
        List<String> categories = new ArrayList<>(List.of("query-side process, all of it"));
        List<Double> liveValues = new ArrayList<>(List.of(number(live.path("processMicrosPerEvent"))));
        List<Double> rebuildValues = new ArrayList<>(List.of(number(rebuild.path("processMicrosPerEvent"))));
        for (String name : names) {
            categories.add(name + " handlers");
            liveValues.add(number(live.path("projections").path(name).path("microsPerTopicEvent")));
            rebuildValues.add(number(rebuild.path("cpuMicrosPerEventByProjection").path(name)));
        }
        return new BarChart("Query side: CPU per event of the topic, live load and rebuild", "µs of CPU per topic event (log scale)",
                categories, List.of(new BarChart.Series("live, over the load phases", ORANGE, liveValues),
                new BarChart.Series("rebuild of every projection (first)", GREEN, rebuildValues)), true)
                .caption(caption).svg();
    }

    static String memory(JsonNode run, String caption) {
        List<String> processes = new ArrayList<>();
        run.path("peakResidentMegabytes").fieldNames().forEachRemaining(processes::add);
        processes.sort(Comparator.naturalOrder());
        List<Double> megabytes = processes.stream().map(process -> run.path("peakResidentMegabytes").path(process).asDouble()).toList();
        return new BarChart("Peak resident memory under load", "MB resident (VmRSS)", processes,
                List.of(new BarChart.Series("peak over the load phases", BLUE, megabytes)), false)
                .target(300, "target ≤ 300 MB per service").caption(caption).svg();
    }

    private static List<JsonNode> realistic(JsonNode run, String mode) {
        List<JsonNode> phases = new ArrayList<>();
        for (JsonNode phase : run.path("loads")) {
            if (phase.path("mix").asText().equals("realistic") && phase.path("mode").asText().equals(mode)) {
                phases.add(phase);
            }
        }
        return phases;
    }

    private static List<Double> values(List<JsonNode> phases, Function<JsonNode, JsonNode> value) {
        return phases.stream().map(phase -> number(value.apply(phase))).toList();
    }

    /** A measured number; NaN where the run could not measure it (a CPU figure it could not read, say). */
    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static void add(List<String> categories, List<Double> supplyline, List<Double> baseline, String category,
                            double value, double limit) {
        categories.add(category);
        supplyline.add(value);
        baseline.add(limit);
    }
}
