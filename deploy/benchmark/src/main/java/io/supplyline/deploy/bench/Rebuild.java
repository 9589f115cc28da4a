package io.supplyline.deploy.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rebuilds every projection from offset 0 through the admin API and waits until all are done.
 * Each projection replays the whole topic (handling only the events it follows); the rate per
 * projection is the topic's events over the time from its start to its switch, and the overall rate
 * is the topic's events over the wall time of rebuilding them all.
 */
record Rebuild(double seconds, long topicEvents, double eventsPerSecond, Map<String, Double> eventsPerSecondByProjection) {

    static Rebuild all(Http admin, long topicEvents, Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        Http.Answer requested = admin.post("/admin/projections/all/rebuild", Map.of());
        StockedItems.require(requested, "request a rebuild of all projections");
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            Thread.sleep(250);
            JsonNode projections = admin.get("/admin/projections").body();
            Map<String, Double> rates = new LinkedHashMap<>();
            boolean done = true;
            for (JsonNode projection : projections) {
                JsonNode rebuild = projection.path("rebuild");
                String state = rebuild.path("state").asText("");
                if (state.equals("FAILED")) {
                    throw new IllegalStateException("Rebuild of " + projection.path("name").asText() + " failed: "
                            + rebuild.path("error").asText());
                }
                done &= state.equals("DONE");
                if (state.equals("DONE")) {
                    Duration took = Duration.between(Instant.parse(rebuild.path("startedAt").asText()),
                            Instant.parse(rebuild.path("finishedAt").asText()));
                    rates.put(projection.path("name").asText(),
                            (double) Math.round(topicEvents / Math.max(0.001, took.toMillis() / 1000.0)));
                }
            }
            if (done) {
                double seconds = (System.nanoTime() - started) / 1e9;
                return new Rebuild(seconds, topicEvents, Math.round(topicEvents / seconds), rates);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Rebuild not done within " + limit + ": " + projections);
            }
        }
    }
}
