package io.supplyline.query.admin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.ShutdownEvent;
import io.supplyline.query.engine.ProjectionEngine;
import io.supplyline.query.engine.Replays;
import io.supplyline.query.engine.SwitchLock;
import io.supplyline.query.http.Refusal;
import io.supplyline.query.projection.ProjectionTables;
import io.supplyline.query.stream.LiveFeed;

/**
 * Starts rebuilds on a thread of their own, one at a time over all instances, and remembers each
 * projection's latest.
 * Rebuilding {@value #ALL} is one replay of the topic for every projection.
 */
@Singleton
public class Rebuilds {

    public static final String ALL = "all";

    private final Map<String, RebuildRun> latest = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "rebuild"));
    private final DataSource dataSource;
    private final Replays replays;
    private final ProjectionEngine engine;
    private final LiveFeed feed;
    private final String databaseKind;
    private RebuildRun running;

    Rebuilds(DataSource dataSource, Replays replays, ProjectionEngine engine, LiveFeed feed,
             @ConfigProperty(name = "quarkus.datasource.db-kind") String databaseKind) {
        this.dataSource = dataSource;
        this.replays = replays;
        this.engine = engine;
        this.feed = feed;
        this.databaseKind = databaseKind;
    }

    /** Queues a rebuild of one projection, or of {@value #ALL}; returns the projections queued. */
    public synchronized List<String> start(String name) {
        if (!databaseKind.equals("postgresql")) {
            throw new Refusal(409, "REBUILD_NEEDS_POSTGRESQL",
                    "Rebuilding into fresh tables needs PostgreSQL schemas; this instance runs on " + databaseKind);
        }
        List<String> known = ProjectionTables.OF.keySet().stream().sorted().toList();
        if (!name.equals(ALL) && !known.contains(name)) {
            throw new Refusal(404, "UNKNOWN_PROJECTION", "No projection " + name + "; there are " + known + " and " + ALL);
        }
        if (running != null && !running.finished()) {
            throw new Refusal(409, "REBUILD_RUNNING", String.join(", ", running.projections()) + " is being rebuilt already");
        }
        List<String> projections = name.equals(ALL) ? known : List.of(name);
        RebuildRun run = new RebuildRun(name, projections,
                projections.stream().flatMap(projection -> ProjectionTables.OF.get(projection).stream()).toList(),
                dataSource, replays, engine, feed, rebuildClaim());
        projections.forEach(projection -> latest.put(projection, run));
        running = run;
        worker.submit(run::run);
        return projections;
    }

    /**
     * A connection holding the rebuild lock until the rebuild closes it: two instances rebuilding at once
     * would share the scratch schema, and each would swap in the other's half.
     */
    private Connection rebuildClaim() {
        try {
            Connection connection = dataSource.getConnection();
            try (Statement sql = connection.createStatement(); ResultSet claimed = sql.executeQuery(SwitchLock.TRY_REBUILD)) {
                if (claimed.next() && claimed.getBoolean(1)) {
                    return connection;
                }
            }
            connection.close();
            throw new Refusal(409, "REBUILD_RUNNING", "Another query instance is rebuilding the read models");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim the rebuild", e);
        }
    }

    public Optional<RebuildStatus> latest(String projection) {
        return Optional.ofNullable(latest.get(projection)).map(RebuildRun::status);
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }
}
