package io.supplyline.deploy.generator;

import java.time.Duration;
import java.util.Map;

import io.supplyline.events.EventTopic;

/**
 * What a day did, as counted from the answers and the feeds' acknowledgements, and the summary the
 * generator prints. {@code eventsProduced} is -1 when the topic was not counted.
 */
public record DayReport(long commands, Duration took, Map<String, Long> acceptedByCommand,
                        Map<String, Long> rejectedByCode, Map<String, Long> serverErrors, long eventsProduced,
                        Map<String, Long> publishedByFeed, Map<String, Long> unpublishedByFeed) {

    /** What was answered so far; {@code feeds} is null when every command went over HTTP. */
    static DayReport of(Tally tally, InboundFeeds feeds, Duration took, long events) {
        long commands = sum(tally.acceptedByCommand()) + sum(tally.rejectedByCode()) + sum(tally.serverErrors());
        Map<String, Long> published = feeds == null ? Map.of() : feeds.publishedByFeed();
        return new DayReport(commands + sum(published), took, tally.acceptedByCommand(), tally.rejectedByCode(),
                tally.serverErrors(), events, published, feeds == null ? Map.of() : feeds.failedByFeed());
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long accepted() {
        return sum(acceptedByCommand);
    }

    public long rejected() {
        return sum(rejectedByCode);
    }

    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Realistic day: %d commands in %.1f s (%.0f/s)%n", commands, took.toMillis() / 1000.0,
                commands / Math.max(0.001, took.toMillis() / 1000.0)));
        text.append(String.format("  accepted  %6d%n", accepted()));
        acceptedByCommand.forEach((command, count) -> text.append(String.format("    %-28s %6d%n", command, count)));
        text.append(String.format("  rejected  %6d%n", rejected()));
        rejectedByCode.forEach((code, count) -> text.append(String.format("    %-28s %6d%n", code, count)));
        text.append(String.format("  5xx or no answer %6d%n", sum(serverErrors)));
        serverErrors.forEach((what, count) -> text.append(String.format("    %-40s %6d%n", what, count)));
        if (!publishedByFeed.isEmpty() || !unpublishedByFeed.isEmpty()) {
            text.append(String.format("  published to inbound feeds %6d (their outcome is the feeds' to tell)%n",
                    sum(publishedByFeed)));
            publishedByFeed.forEach((feed, count) -> text.append(String.format("    %-28s %6d%n", feed, count)));
            unpublishedByFeed.forEach((feed, count) -> text.append(String.format("    %-28s %6d not acknowledged%n", feed, count)));
        }
        text.append(eventsProduced < 0 ? "  events produced: not counted (no --kafka)\n"
                : String.format("  events produced %6d (records added to %s)%n", eventsProduced, EventTopic.NAME));
        return text.toString();
    }
}
