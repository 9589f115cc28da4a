package io.supplyline.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;

/** The plots in docs/ are drawn from a run's results.json, in the shape the benchmark writes it. */
class PerformancePlotsTest {

    private static final String RUN = """
            {"startedAt": "2026-12-04T06:20:27Z", "smoke": %s,
             "machine": {"summary": "2 cores, Java 17.0.15, everything on one machine"},
             "loads": [
               {"mix": "realistic", "mode": "open", "targetRate": 1000.0, "achievedRate": 632.0,
                "latency": {"p50": 3200.5, "p99": 6400.0}, "lag": {"p50": 252.4, "p99": 888.8},
                "latencyByCommand": {"PlaceOrder": {"p50": 30.1, "p99": 900.0}}},
               {"mix": "realistic", "mode": "open", "targetRate": 500.0, "achievedRate": 498.0,
                "latency": {"p50": 17.2, "p99": 163.5}, "lag": {"p50": 375.6, "p99": 1350.7},
                "latencyByCommand": {"PlaceOrder": {"p50": 16.9, "p99": 126.7}, "AdjustStock": {"p50": 28.8, "p99": 363.3}}},
               {"mix": "realistic", "mode": "closed", "targetRate": 0.0, "achievedRate": 1071.0,
                "latency": {"p50": 18.5, "p99": 314.9}, "lag": {"p50": 554.5, "p99": 1821.7}},
               {"mix": "hot-spot", "mode": "closed", "targetRate": 0.0, "achievedRate": 676.0,
                "latency": {"p50": 21.7, "p99": 426.0}, "lag": {"p50": 55.3, "p99": 142.6}}],
             "inbound": {"recordsPerSecond": 272.0},
             "liveCpu": {"processMicrosPerEvent": null, "projections": {
                "alerts": {"microsPerTopicEvent": 29.51}, "orders": {"microsPerTopicEvent": 1.88}}},
             "rebuild": {"eventsPerSecond": 25416.0, "processMicrosPerEvent": 38.83,
                "cpuMicrosPerEventByProjection": {"alerts": 2.11, "orders": 0.38}},
             "rebuildAgain": {"eventsPerSecond": 30739.0},
             "postgres": {"transactionsPerSecond": 18939.87},
             "kafka": {"consumerRecordsPerSecond": 258695.6},
             "peakResidentMegabytes": {"query-side": 333, "command-side": 318, "kafka": 289}}
            """;

    @Test
    void everyPlotIsAnSvgDocumentWithTheRunsNumbers() throws Exception {
        Map<String, String> plots = PerformancePlots.plots(run(false));

        assertThat(plots).containsOnlyKeys("performance-latency.svg", "performance-throughput.svg",
                "performance-commands.svg", "performance-projections.svg", "performance-memory.svg");
        for (String svg : plots.values()) {
            assertThat(parse(svg).getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(svg).contains("run 2026-12-04T06:20:27Z, 2 cores").doesNotContain("NaN");
        }
        assertThat(plots.get("performance-throughput.svg")).contains(">1,071<", ">18,940<", ">676<", ">25,416<",
                ">258,696<", ">30,739<", ">272<");
        assertThat(plots.get("performance-memory.svg")).contains(">command-side<", ">333<", "target ≤ 300 MB per service");
    }

    @Test
    void theLatencyPlotOrdersThePhasesByOfferedRateAndSaysWhatWasAchieved() {
        String svg = PerformancePlots.plots(run(false)).get("performance-latency.svg");

        assertThat(svg).containsSubsequence("500/s offered", "achieved 498/s", "1,000/s offered", "achieved 632/s");
        assertThat(svg).contains("latency p99 ≤ 50 ms", "lag p99 ≤ 100 ms");
    }

    @Test
    void commandsAreShownAtTheRateClosestTo500SlowestFirst() {
        String svg = PerformancePlots.plots(run(false)).get("performance-commands.svg");

        assertThat(svg).contains("at 500/s").containsSubsequence(">AdjustStock<", ">PlaceOrder<").contains(">127<")
                .doesNotContain(">900<");
    }

    @Test
    void aCpuFigureTheRunCouldNotReadLeavesItsBarOut() {
        String svg = PerformancePlots.plots(run(false)).get("performance-projections.svg");

        assertThat(svg).contains(">alerts handlers<", ">29.5<", ">2.11<", ">38.8<");
        assertThat(svg.split("<rect ").length).isEqualTo(1 + 1 + 2 + 5);
    }

    @Test
    void mainWritesEveryPlotFromAResultsDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("results.json"), RUN.formatted(false));
        Path out = dir.resolve("docs");

        PerformancePlots.main(new String[] {dir.toString(), out.toString()});

        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(file -> file.getFileName().toString())).hasSize(5).allMatch(name -> name.endsWith(".svg"));
        }
    }

    @Test
    void aSmokeRunLeavesThePlotsAsTheyAre(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results.json");
        Files.writeString(results, RUN.formatted(true));
        Path out = dir.resolve("docs");

        PerformancePlots.main(new String[] {results.toString(), out.toString()});

        assertThat(out).doesNotExist();
    }

    @Test
    void axesStartAtZeroOrAPowerOfTenAndReachTheLargestValue() {
        assertThat(Svg.ticks(0.08, 183, true)).containsExactly(0.01, 0.1, 1.0, 10.0, 100.0, 1000.0);
        assertThat(Svg.ticks(0, 363, false)).containsExactly(0.0, 50.0, 100.0, 150.0, 200.0, 250.0, 300.0, 350.0, 400.0);
        assertThat(Svg.ticks(0, 333, false)).last().isEqualTo(350.0);
    }

    private static JsonNode run(boolean smoke) {
        try {
            return Http.JSON.readTree(RUN.formatted(smoke));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
