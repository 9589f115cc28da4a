package io.supplyline.query.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.jboss.logging.Logger;

import io.supplyline.query.axon.AxonConfiguration;
import io.supplyline.query.projection.Replay;
import io.supplyline.query.projection.ScratchSchema;
import io.supplyline.query.stream.LiveFeed;

/**
 * One blue-green rebuild of one projection (PostgreSQL): a second processor replays the whole topic
 * through the projection's own handlers into fresh copies of its tables in a schema of their own,
 * while the live processor and tables go on serving. Once the replay has caught up, the live
 * processor stops, the replay takes the last events, and in one transaction the fresh tables
 * replace the live ones, the live processor's position becomes the replay's and the replay's dead
 * letters replace the projection's; then it resumes.
 */
final class RebuildRun {

    private static final Logger LOG = Logger.getLogger(RebuildRun.class);
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(50);

    private final String projection;
    private final List<String> tables;
    private final String schema;
    private final DataSource dataSource;
    private final TransactionManager transactions;
    private final AxonConfiguration axon;
    private final ProjectionAdmin admin;
    private final LiveFeed feed;
    private final Instant requestedAt = Instant.now();
    private final AtomicLong replayed = new AtomicLong();
    private volatile String state = "QUEUED";
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String error;
    private volatile TrackingEventProcessor replayProcessor;

    RebuildRun(String projection, List<String> tables, DataSource dataSource, TransactionManager transactions,
               AxonConfiguration axon, ProjectionAdmin admin, LiveFeed feed) {
        this.projection = projection;
        this.tables = tables;
        this.schema = "rebuild_" + projection.replace('-', '_');
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.axon = axon;
        this.admin = admin;
        this.feed = feed;
    }

    boolean finished() {
        return state.equals("DONE") || state.equals("FAILED");
    }

    RebuildStatus status() {
        TrackingEventProcessor processor = replayProcessor;
        long lag = processor != null && state.equals("REPLAYING") ? admin.lagOf(processor) : 0;
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = startedAt == null ? 0 : Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        return new RebuildStatus(state, requestedAt, startedAt, finishedAt, replayed.get(), lag,
                seconds == 0 ? 0 : replayed.get() / seconds, error);
    }

    void run() {
        startedAt = Instant.now();
        state = "REPLAYING";
        Configuration replay = null;
        ScratchSchema fresh = null;
        try {
            fresh = freshTables();
            String home = fresh.home();
            MessageHandlerInterceptor<EventMessage<?>> counted = (unitOfWork, chain) -> {
                Object result = Replay.during(chain::proceed);
                replayed.incrementAndGet();
                return result;
            };
            replay = axon.replayConfiguration(projection,
                    new SearchPathTransactionManager(transactions, fresh), counted);
            replay.start();
            replayProcessor = (TrackingEventProcessor) replay.eventProcessingConfiguration()
                    .eventProcessor(projection).orElseThrow();
            awaitCaughtUp();
            state = "SWITCHING";
            EventProcessor live = axon.eventProcessing().eventProcessor(projection).orElseThrow();
            live.shutDown();
            try {
                awaitCaughtUp();
                replay.shutdown();
                replay = null;
                switchTables(home);
            } finally {
                live.start();
            }
            feed.reset("The " + projection + " read model was rebuilt");
            state = "DONE";
            LOG.infof("Rebuilt %s from %d events in %s", projection, replayed.get(), Duration.between(startedAt, Instant.now()));
        } catch (Exception e) {
            LOG.errorf(e, "Rebuild of %s failed; the live tables are untouched", projection);
            error = e.toString();
            state = "FAILED";
            if (replay != null) {
                replay.shutdown();
            }
            dropQuietly(fresh);
        } finally {
            finishedAt = Instant.now();
        }
    }

    private void awaitCaughtUp() throws InterruptedException {
        while (replayProcessor.isError() || admin.lagOf(replayProcessor) > 0 || !replayProcessor.isRunning()) {
            if (!replayProcessor.isRunning() && !replayProcessor.isError()) {
                throw new IllegalStateException("The replay stopped before catching up");
            }
            // A failing event is retried with back-off, as in the live processor; say so meanwhile.
            error = replayProcessor.isError() ? "The replay is retrying a failed event; see the log" : null;
            Thread.sleep(CATCH_UP_POLL.toMillis());
        }
        error = null;
    }

    /** Empty copies of the projection's tables, and of the token and dead-letter tables, for the replay to fill. */
    private ScratchSchema freshTables() throws SQLException {
        return ScratchSchema.create(dataSource, schema,
                Stream.concat(tables.stream(), Stream.of("tokenentry", "deadletterentry")).toList());
    }

    /** One transaction: the fresh tables take the live ones' place, and the replay's position becomes the live one. */
    private void switchTables(String home) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                for (String table : tables) {
                    sql.execute("DROP TABLE " + home + "." + table + " CASCADE");
                    sql.execute("ALTER TABLE " + schema + "." + table + " SET SCHEMA " + home);
                }
                sql.execute("DELETE FROM " + home + ".tokenentry WHERE processorname = '" + projection + "'");
                sql.execute("INSERT INTO " + home + ".tokenentry (processorname, segment, token, tokentype, timestamp, owner)"
                        + " SELECT processorname, segment, token, tokentype, timestamp, NULL FROM " + schema + ".tokenentry"
                        + " WHERE processorname = '" + projection + "'");
                // What the replay could not apply replaces what the live processor had parked.
                sql.execute("DELETE FROM " + home + ".deadletterentry WHERE processinggroup = '" + projection + "'");
                sql.execute("INSERT INTO " + home + ".deadletterentry SELECT * FROM " + schema + ".deadletterentry");
                sql.execute("DROP SCHEMA " + schema + " CASCADE");
                connection.commit();
            } catch (SQLException | RuntimeException e) {
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
