package io.supplyline.deploy.bench;

import java.util.Locale;
import java.util.Map;

/** The benchmark's results as the markdown tables docs/performance.md shows for the latest full run. */
final class Markdown {

    private Markdown() {
    }

    static String of(Results results) {
        StringBuilder md = new StringBuilder();
        LoadResult closed = results.realisticClosedLoop();
        LoadResult at500 = results.realisticAt(500);
        String memory = String.join(", ", results.peakResidentMegabytes().entrySet().stream()
                .map(service -> service.getKey() + " " + service.getValue() + " MB").toList());
        long largestServiceMb = results.peakResidentMegabytes().entrySet().stream()
                .filter(service -> !service.getKey().equals("kafka")).mapToLong(Map.Entry::getValue).max().orElse(0);
        md.append(format("Run %s%s on %s.%n%n", results.startedAt(), results.smoke() ? " (smoke: small sizes)" : "",
                results.machine().get("summary")));
        md.append("| Measure | Supplyline | Baseline (same run) | Ratio | Target | Met |\n");
        md.append("|---|---|---|---|---|---|\n");
        md.append(format("| Realistic mix, closed loop (%d clients) | %,.0f commands/s | PostgreSQL single-row insert "
                        + "commits, %d clients: %,.0f tx/s | %.2f | ≥ 2,000/s and ≥ 0.5 | %s |%n",
                closed.workers(), closed.achievedRate(), results.postgres().clients(),
                results.postgres().transactionsPerSecond(), results.commitRatio(),
                met(closed.achievedRate() >= 2000 && results.commitRatio() >= 0.5)));
        md.append(format("| Command latency p99 at %.0f/s (open loop) | %.1f ms (p50 %.1f, p95 %.1f) | | | ≤ 50 ms | %s |%n",
                at500.targetRate(), at500.latency().p99(), at500.latency().p50(), at500.latency().p95(),
                met(at500.latency().p99() <= 50)));
        md.append(format("| Command → read model lag p99 at %.0f/s | %.1f ms (p50 %.1f) | | | ≤ 100 ms | %s |%n",
                at500.targetRate(), at500.lag().p99(), at500.lag().p50(), met(at500.lag().p99() <= 100 && at500.lagTimeouts() == 0)));
        md.append(format("| Relay lag, stored → handed to Kafka, all events | p50 %.0f ms, p99 %.0f ms | Kafka producer tool "
                        + "(relay settings, %.0f-byte records): %,.0f records/s, p99 %.0f ms | | | |%n",
                results.topic().relayLag().p50(), results.topic().relayLag().p99(), results.topic().meanValueBytes(),
                results.kafka().producerRecordsPerSecond(), results.kafka().producerP99Millis()));
        md.append(format("| Rebuild of all projections from offset 0 (%,d events) | %,.0f events/s (the same again: %,.0f, %.2f) "
                        + "| Kafka consumer tool on the same topic: %,.0f records/s | %.2f | ≥ 0.25, and ≥ 30,000/s where the tool reads ≥ 120,000/s | %s |%n",
                results.rebuild().topicEvents(), results.rebuild().eventsPerSecond(),
                results.rebuildAgain().eventsPerSecond(),
                results.rebuildAgain().eventsPerSecond() / results.kafka().consumerRecordsPerSecond(),
                results.kafka().consumerRecordsPerSecond(), results.rebuildRatio(),
                met(results.rebuildRatio() >= 0.25 && (results.rebuild().eventsPerSecond() >= 30_000
                        || results.kafka().consumerRecordsPerSecond() < 120_000))));
        InboundBurst.Result inbound = results.inbound();
        md.append(format("| Inbound feed: %,d orders published at once to supplychain.inbound.orders | %,.0f records/s handled; "
                        + "publish → visible on the order board p50 %.0f ms, p99 %.0f ms%s | | | | |%n",
                inbound.records(), inbound.recordsPerSecond(), inbound.lag().p50(), inbound.lag().p99(),
                inbound.lagTimeouts() > 0 ? " (" + inbound.lagTimeouts() + " > 5 s)" : ""));
        DashboardLoad.Result dashboard = results.dashboard();
        md.append(format("| Dashboard in headless Chromium, %,d commands loaded | first paint %.0f ms, data shown %.0f ms; "
                        + "live at %.0f commands/s: %,d updates, %.2f ms each on average (max %.1f ms), main thread "
                        + "blocked %.0f ms | | | | |%n",
                dashboard.commandsLoaded(), dashboard.firstPaintMs(), dashboard.readyMs(), dashboard.liveRate(),
                dashboard.updates(), dashboard.updateMeanMs(), dashboard.updateMaxMs(), dashboard.blockedMs()));
        md.append(format("| Peak resident memory under load | %s | | | ≤ 300 MB per service | %s |%n", memory,
                met(largestServiceMb <= 300)));
        md.append("\n| Mix | Loop | Target /s | Clients | Planned | Sent | Accepted | Refused | 5xx/none | Achieved /s "
                + "| p50 ms | p95 ms | p99 ms | max ms | Lag p50 ms | Lag p99 ms |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (LoadResult load : results.loads()) {
            md.append(format("| %s | %s | %s | %d | %,d | %,d | %,d | %,d | %,d | %,.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f%s |%n",
                    load.mix(), load.mode(), load.openLoop() ? format("%.0f", load.targetRate()) : "max", load.workers(),
                    load.planned(), load.requests(), load.accepted(), load.refused(), load.failed(), load.achievedRate(),
                    load.latency().p50(), load.latency().p95(), load.latency().p99(), load.latency().max(),
                    load.lag().p50(), load.lag().p99(), load.lagTimeouts() > 0 ? " (" + load.lagTimeouts() + " > 5 s)" : ""));
        }
        Rebuild rebuild = results.rebuild();
        LiveCpu live = results.liveCpu();
        String rebuildHandlers = String.join(", ", rebuild.cpuMicrosPerEventByProjection().entrySet().stream()
                .map(projection -> projection.getKey() + " " + micros(projection.getValue())).toList());
        String liveHandlers = String.join(", ", live.projections().entrySet().stream()
                .map(projection -> format("%s %s [%s]", projection.getKey(),
                        micros(projection.getValue().microsPerTopicEvent()),
                        micros(projection.getValue().microsPerEvent())))
                .toList());
        md.append(format("%nProcesses and read models caught up %.1f s after the last phase. CPU per event of the topic "
                        + "(µs), rebuilding (one replay for every projection): engine (query-side process) %s; projections' "
                        + "handlers: %s. Live over the load phases (%,d events): engine %s; projections' handlers: %s "
                        + "([…]: per event the projection applied).%n",
                results.drainSeconds(), micros(rebuild.processMicrosPerEvent()), rebuildHandlers, live.topicEvents(),
                micros(live.processMicrosPerEvent()), liveHandlers));
        AggregateLoads aggregates = results.aggregateLoads();
        md.append(format("%nAggregates the commands loaded over the load phases (%,d): %.1f %% kept in memory and current, "
                        + "%,d kept but behind the store (events since read), %,d loaded from the store.%n",
                aggregates.loads(), 100 * aggregates.hitRate(), aggregates.refreshed(), aggregates.misses()));
        return md.toString();
    }

    /** Microseconds of CPU per event; "n/a" where the process's CPU could not be read. */
    private static String micros(Double micros) {
        return micros == null ? "n/a" : format("%.2f", micros);
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
