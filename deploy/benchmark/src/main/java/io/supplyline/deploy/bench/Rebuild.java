package io.supplyline.deploy.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rebuilds every projection from offset 0 through the admin API and waits until all are done. The
 * query side's engine replays the topic once for all projections; the rate is the topic's events over
 * the wall time from the request until every projection shows the run done.
 *
 * @param processMicrosPerEvent    the query-side process's CPU over the rebuild per topic event (the
 *                                 idle live engine and the status polls included); {@code null} when unknown
 * @param cpuMicrosPerEventByProjection what each projection's handlers spent per replayed event, as the
 *                                 run reports it; the rest of the process's CPU is reading, writing and
 *                                 the engine's own work
 */
record Rebuild(double seconds, long topicEvents, double eventsPerSecond, Double processMicrosPerEvent,
               Map<String, Double> cpuMicrosPerEventByProjection) {

    static Rebuild all(Http admin, ProcessCpu queryProcess, long topicEvents, Duration limit) throws InterruptedException {
        Optional<Duration> cpuBefore = queryProcess.used();
        long started = System.nanoTime();
        Instant requested = Instant.now();
        StockedItems.require(admin.post("/admin/projections/all/rebuild", Map.of()), "request a rebuild of all projections");
        Instant deadline = requested.plus(limit);
        while (true) {
            Thread.sleep(50); // a rebuild takes seconds: a longer poll would add to its time
            JsonNode projections = admin.get("/admin/projections").body();
            boolean done = projections.size() > 0;
            for (JsonNode projection : projections) {
                JsonNode rebuild = projection.path("rebuild");
                String state = rebuild.path("state").asText("");
                // A run requested before this one (none on a fresh system) says nothing about it.
                String requestedAt = rebuild.path("requestedAt").asText("");
                boolean ours = !requestedAt.isEmpty() && !Instant.parse(requestedAt).isBefore(requested.minusSeconds(1));
                if (ours && state.equals("FAILED")) {
                    throw new IllegalStateException("Rebuild of " + rebuild.path("projections") + " failed (seen at "
                            + projection.path("name").asText() + "): " + rebuild.path("error").asText());
                }
                done &= ours && state.equals("DONE");
            }
            if (done) {
                double seconds = (System.nanoTime() - started) / 1e9;
                Double processMicros = ProcessCpu.microsPerEvent(cpuBefore, queryProcess.used(), topicEvents);
                return new Rebuild(seconds, topicEvents, Math.round(topicEvents / seconds),
                        processMicros, cpuPerEvent(projections));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Rebuild not done within " + limit + ": " + projections);
            }
        }
    }

    /** Every projection shows the same run, whose CPU figures cover them all; merged in case one lacks them. */
    private static Map<String, Double> cpuPerEvent(JsonNode projections) {
        Map<String, Double> micros = new TreeMap<>();
        for (JsonNode projection : projections) {
            projection.path("rebuild").path("cpuMicrosPerEvent").fields().forEachRemaining(spent ->
                    micros.put(spent.getKey(), Math.round(spent.getValue().asDouble() * 100) / 100.0));
        }
        return micros;
    }
}
