package io.supplyline.deploy.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU per event while the query side keeps up with the load phases, from two readings taken while
 * everything had caught up, before the first phase and after the last: the counters the query side
 * keeps per projection ({@code supplyline_projection_events_total}, events its handlers applied, and
 * {@code supplyline_projection_cpu_seconds_total}, their CPU), the query-side process's CPU and the
 * topic's end offsets. Per event of the topic, the figures add up across projections and compare with
 * the rebuild's; per event a projection applied, they say what its handlers cost where they act.
 *
 * @param topicEvents           events written to the topic between the readings (the lag probe's and set-up's too)
 * @param processMicrosPerEvent the query-side process's CPU per topic event: everything it did, the lag
 *                              probe's reads and the benchmark's admin polls included; {@code null} when unknown
 * @param projections           per projection, its handlers' CPU
 */
record LiveCpu(long topicEvents, Double processMicrosPerEvent, Map<String, ProjectionCpu> projections) {

    /**
     * @param events              events the projection's handlers applied between the readings
     * @param microsPerTopicEvent CPU of its handlers per event written to the topic
     * @param microsPerEvent      CPU of its handlers per event they applied
     */
    record ProjectionCpu(long events, double microsPerTopicEvent, double microsPerEvent) {
    }

    /** One reading of the counters. */
    record Reading(long topicEvents, Optional<Duration> processCpu, Map<String, Counters> projections) {

        /** Micrometer writes a tag list in braces, possibly with more tags and a trailing comma. */
        private static final Pattern SAMPLE = Pattern.compile(
                "^supplyline_projection_(events|cpu_seconds)_total\\{[^}]*projection=\"([^\"]+)\"[^}]*\\}\\s+(\\S+)");

        /**
         * @param queryManagement the query side's management interface, where its metrics are
         * @throws IllegalStateException when the metrics cannot be read or have no projection counters,
         *                               so a run that cannot report them says so before its load phases
         */
        static Reading take(String kafka, String topic, Http queryManagement, ProcessCpu queryProcess) {
            Optional<Duration> cpu = queryProcess.used();
            String metrics = queryManagement.text("/q/metrics").orElseThrow(() -> new IllegalStateException(
                    "Could not read the query side's metrics at its management port's /q/metrics"));
            Map<String, Counters> projections = new TreeMap<>();
            metrics.lines().map(SAMPLE::matcher).filter(Matcher::find).forEach(sample -> {
                double value = Double.parseDouble(sample.group(3));
                projections.merge(sample.group(2), sample.group(1).equals("events") ? new Counters(value, 0)
                        : new Counters(0, value), Counters::plus);
            });
            if (projections.isEmpty()) {
                throw new IllegalStateException("The query side's /q/metrics has no supplyline_projection_events_total "
                        + "or supplyline_projection_cpu_seconds_total");
            }
            return new Reading(TopicScan.endOffsets(kafka, topic), cpu, projections);
        }
    }

    /** A projection's two counters in one reading. */
    record Counters(double events, double cpuSeconds) {
        Counters plus(Counters other) {
            return new Counters(events + other.events, cpuSeconds + other.cpuSeconds);
        }
    }

    static LiveCpu between(Reading before, Reading after) {
        long topicEvents = after.topicEvents() - before.topicEvents();
        Map<String, ProjectionCpu> projections = new TreeMap<>();
        after.projections().forEach((name, end) -> {
            // A projection first counted after the first reading started from zero.
            Counters start = before.projections().getOrDefault(name, new Counters(0, 0));
            long events = Math.round(end.events() - start.events());
            double cpuSeconds = end.cpuSeconds() - start.cpuSeconds();
            projections.put(name, new ProjectionCpu(events, ProcessCpu.microsPerEvent(cpuSeconds, topicEvents),
                    ProcessCpu.microsPerEvent(cpuSeconds, events)));
        });
        return new LiveCpu(topicEvents, ProcessCpu.microsPerEvent(before.processCpu(), after.processCpu(), topicEvents),
                projections);
    }
}
