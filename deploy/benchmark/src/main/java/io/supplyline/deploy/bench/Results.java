package io.supplyline.deploy.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one benchmark run measured; written as JSON and summarised as markdown. {@code rebuild} is the
 * query side's first rebuild, which also compiles its code paths; {@code rebuildAgain} the same once more.
 */
record Results(Instant startedAt, boolean smoke, Map<String, String> machine, List<LoadResult> loads,
               InboundBurst.Result inbound, DashboardLoad.Result dashboard, double drainSeconds, LiveCpu liveCpu, AggregateLoads aggregateLoads, TopicScan topic, Rebuild rebuild, Rebuild rebuildAgain,
               PostgresBaseline postgres,
               KafkaBaseline kafka, Map<String, Long> peakResidentMegabytes) {

    /** The fastest sustained realistic rate: the closed loop's. */
    LoadResult realisticClosedLoop() {
        return loads.stream().filter(load -> load.mix().equals("realistic") && !load.openLoop()).findFirst()
                .orElseThrow();
    }

    /** The open-loop realistic phase closest to {@code rate}. */
    LoadResult realisticAt(double rate) {
        return loads.stream().filter(load -> load.mix().equals("realistic") && load.openLoop())
                .min((a, b) -> Double.compare(Math.abs(a.targetRate() - rate), Math.abs(b.targetRate() - rate)))
                .orElseThrow();
    }

    double commitRatio() {
        return realisticClosedLoop().achievedRate() / postgres.transactionsPerSecond();
    }

    double rebuildRatio() {
        return rebuild.eventsPerSecond() / kafka.consumerRecordsPerSecond();
    }
}
