package io.supplyline.command.feeds;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;

/** Per feed: records in, accepted, rejected by code, attempts retried, and how far the feed is behind its topic. */
final class FeedMetrics {

    private final String feed;
    private final MeterRegistry meters;
    private final Counter received;
    private final Counter accepted;
    private final Counter retried;
    private final AtomicLong lag = new AtomicLong();

    FeedMetrics(String feed, MeterRegistry meters) {
        this.feed = feed;
        this.meters = meters;
        this.received = Counter.builder("supplyline.feed.records.received").tag("feed", feed)
                .description("Records taken from the feed's topic, each counted once").register(meters);
        this.accepted = Counter.builder("supplyline.feed.records.accepted").tag("feed", feed)
                .description("Records whose command was accepted (or had been, for a redelivered record)").register(meters);
        this.retried = Counter.builder("supplyline.feed.retries").tag("feed", feed)
                .description("Attempts at a record that failed for a passing reason and will be made again").register(meters);
        meters.gauge("supplyline.feed.lag", List.of(Tag.of("feed", feed)), lag,
                AtomicLong::doubleValue);
    }

    void received() {
        received.increment();
    }

    void accepted() {
        accepted.increment();
    }

    void rejected(String code) {
        Counter.builder("supplyline.feed.records.rejected").tag("feed", feed).tag("code", code)
                .description("Records sent to the rejected topic, by error code").register(meters).increment();
    }

    void retried() {
        retried.increment();
    }

    void lag(long records) {
        lag.set(records);
    }
}
