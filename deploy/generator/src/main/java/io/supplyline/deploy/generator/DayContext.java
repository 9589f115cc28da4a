package io.supplyline.deploy.generator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every group of the day's commands works with, so that each group is only its commands: the
 * command API, the inbound feeds when the day goes through Kafka, the world built from the answers, the
 * simulated clock, and this run's business keys.
 */
final class DayContext {

    final CommandApi api;
    final World world;
    /** Null when every command goes over HTTP. */
    final InboundFeeds feeds;
    final Pacing pacing;
    /** Business keys unique to this run, so days can follow each other on one event store. */
    final String run;
    private final AtomicLong records = new AtomicLong();

    DayContext(CommandApi api, World world, InboundFeeds feeds, Pacing pacing, String run) {
        this.api = api;
        this.world = world;
        this.feeds = feeds;
        this.pacing = pacing;
        this.run = run;
    }

    /** A feed record's id, unique to this run. */
    String recordId() {
        return run + "-" + records.incrementAndGet();
    }

    /** Sends a carrier's tracking event when the day goes through Kafka; false when it goes over HTTP. */
    boolean tracking(World.Shipment shipment, String status, Map<String, Object> details) {
        if (feeds == null) {
            return false;
        }
        Map<String, Object> event = new LinkedHashMap<>(details);
        event.put("trackingNumber", shipment.trackingNumber());
        event.put("carrier", shipment.carrier());
        event.put("status", status);
        feeds.publish(InboundFeeds.TRACKING, shipment.trackingNumber(), recordId(), event);
        return true;
    }
}
