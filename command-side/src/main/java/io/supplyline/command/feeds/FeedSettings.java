package io.supplyline.command.feeds;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The inbound Kafka feeds that send commands; see application.properties. */
@ConfigMapping(prefix = "supplyline.feeds")
public interface FeedSettings {

    /** Off: the command side takes commands over HTTP only. */
    @WithDefault("true")
    boolean enabled();

    /** Carrier tracking events: picked up, checkpoint, delayed, delivered, exception. */
    @WithDefault("supplychain.inbound.tracking")
    String trackingTopic();

    /** Warehouse scanners: goods received against a purchase order, stock counted, stock damaged. */
    @WithDefault("supplychain.inbound.scans")
    String scansTopic();

    /** Customer orders from sales channels (shops, marketplaces, EDI). */
    @WithDefault("supplychain.inbound.orders")
    String ordersTopic();

    /** Where a record that is malformed or refused goes, with the reason, so that the feed moves on. */
    @WithDefault("supplychain.inbound.rejected")
    String rejectedTopic();

    /** Each feed's consumer group is this followed by the feed's name. */
    @WithDefault("supplyline-feed-")
    String groupPrefix();

    @WithDefault("100")
    int maxPollRecords();

    /**
     * Partitions of a feed handled side by side (each partition's records still one after the other):
     * commands wait mostly on the database, so a few in flight use it better than one.
     */
    @WithDefault("4")
    int parallelPartitions();

    /** The longest pause between attempts at a record that failed for a passing reason (a database outage). */
    @WithDefault("10s")
    Duration maxRetryBackoff();
}
