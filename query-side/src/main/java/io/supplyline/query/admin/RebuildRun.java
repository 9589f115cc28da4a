package io.supplyline.query.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.supplyline.query.engine.ProjectionEngine;
import io.supplyline.query.engine.Replays;
import io.supplyline.query.engine.SwitchLock;
import io.supplyline.query.engine.TopicReplay;
import io.supplyline.query.projection.Replay;
import io.supplyline.query.projection.ScratchSchema;
import io.supplyline.query.stream.LiveFeed;

/**
 * One blue-green rebuild (PostgreSQL): the engine replays the topic from its first offset through the
 * projections' own handlers into fresh copies of their tables in a schema of their own, while the live
 * tables go on serving, never past where the live read models are. Once it has caught up, it takes the
 * switch lock alone (the live batches wait), replays the last events up to the live positions, and in
 * that transaction the fresh tables and dead letters replace the live ones; the live positions stay right.
 * What it reports meanwhile: {@link RebuildProgress}.
 */
final class RebuildRun {

    private static final Logger LOG = Logger.getLogger(RebuildRun.class);

    private final List<String> projections;
    private final List<String> tables;
    private final String schema;
    private final DataSource dataSource;
    private final Replays replays;
    private final ProjectionEngine engine;
    private final LiveFeed feed;
    private final RebuildProgress progress;
    private final LiveBounds bounds;
    /** How long each phase of the last replay took, for the log. */
    private String phases;
    private final Connection claim;

    /** @param claim holds the rebuild lock; closed when the run ends */
    RebuildRun(String name, List<String> projections, List<String> tables, DataSource dataSource, Replays replays,
               ProjectionEngine engine, LiveFeed feed, Connection claim) {
        this.claim = claim;
        this.projections = projections;
        this.tables = tables;
        this.schema = "rebuild_" + name.replace('-', '_');
        this.dataSource = dataSource;
        this.replays = replays;
        this.engine = engine;
        this.feed = feed;
        this.progress = new RebuildProgress(projections);
        this.bounds = new LiveBounds(engine, progress);
    }

    List<String> projections() {
        return projections;
    }

    boolean finished() {
        return progress.finished();
    }

    RebuildStatus status() {
        return progress.status();
    }

    void run() {
        progress.started();
        ScratchSchema fresh = null;
        try {
            for (boolean inMemory = true; ; inMemory = false) {
                fresh = ScratchSchema.create(dataSource, schema,
                        Stream.concat(tables.stream(), Stream.of("deadletterentry")).toList(), !inMemory);
                try {
                    replayInto(fresh, inMemory);
                    break;
                } catch (TopicReplay.Broken e) {
                    if (!inMemory) {
                        throw e;
                    }
                    // Writing every batch, the replay can retry a batch and find and park a failing event.
                    LOG.warnf("Rebuild of %s: %s; replaying again, writing every batch", projections, e.getMessage());
                    dropQuietly(fresh);
                    fresh = null;
                    progress.restarting();
                }
            }
            feed.reset("The " + String.join(", ", projections) + " read models were rebuilt");
            progress.done();
            LOG.infof("Rebuilt %s from %d events in %s (%s)", projections, progress.replay().replayed(),
                    Duration.between(progress.startedAt(), Instant.now()), phases);
        } catch (Exception e) {
            LOG.errorf(e, "Rebuild of %s failed; the live tables are untouched", projections);
            progress.failed(e);
            dropQuietly(fresh);
        } finally {
            progress.ended();
            closeQuietly(claim);
        }
    }

    /** Replays into the fresh tables and switches them in; {@code inMemory}: see {@link Replay#inMemory}. */
    private void replayInto(ScratchSchema fresh, boolean inMemory) throws Exception {
        try (TopicReplay topic = replays.into(fresh, projections, progress)) {
            progress.replaying(topic);
            Callable<Void> work = () -> {
                long started = System.nanoTime();
                while (!bounds.caughtUp(topic)) {
                    // replaying
                }
                long caughtUp = System.nanoTime();
                topic.writeOut();
                long written = System.nanoTime();
                fresh.makeLogged();
                long logged = System.nanoTime();
                progress.switching();
                switchTables(topic, fresh.home());
                phases = String.format("replay %d ms, rows written %d ms, tables logged %d ms, switch %d ms",
                        (caughtUp - started) / 1_000_000, (written - caughtUp) / 1_000_000, (logged - written) / 1_000_000,
                        (System.nanoTime() - logged) / 1_000_000);
                return null;
            };
            if (inMemory) {
                Replay.inMemory(replays.heapShare(), work);
            } else {
                Replay.during(work);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try (connection; Statement sql = connection.createStatement()) {
            sql.execute(SwitchLock.RELEASE_REBUILD);
        } catch (SQLException e) {
            LOG.warnf("Could not release the rebuild lock: %s (it goes with the connection)", e.getMessage());
        }
    }

    /**
     * One transaction holding the switch lock: no live batch runs meanwhile, so the live positions stand
     * still; the replay takes the events up to them, and the fresh tables take the live ones' place.
     */
    private void switchTables(TopicReplay topic, String home) throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute(SwitchLock.EXCLUSIVE);
                Map<Integer, Long> live = engine.storedPositions();
                while (!topic.stepTowards(live)) {
                    progress.lag(topic.lag(live));
                }
                topic.writeOut();
                progress.lag(0);
                for (String table : tables) {
                    sql.execute("DROP TABLE " + home + "." + table + " CASCADE");
                    sql.execute("ALTER TABLE " + schema + "." + table + " SET SCHEMA " + home);
                }
                // What the replay could not apply replaces what the live engine had parked.
                String names = projections.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
                sql.execute("DELETE FROM " + home + ".deadletterentry WHERE processinggroup IN (" + names + ")");
                sql.execute("INSERT INTO " + home + ".deadletterentry SELECT * FROM " + schema + ".deadletterentry");
                sql.execute("DROP SCHEMA " + schema + " CASCADE");
                connection.commit();
            } catch (SQLException | RuntimeException | InterruptedException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private void dropQuietly(ScratchSchema fresh) {
        try {
            if (fresh != null) {
                fresh.drop();
            }
        } catch (SQLException e) {
            LOG.warnf("Could not drop %s: %s", schema, e.getMessage());
        }
    }
}
