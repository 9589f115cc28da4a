package io.supplyline.query.stock;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.supplyline.query.engine.TopicHistory;
import io.supplyline.query.http.Refusal;
import io.supplyline.query.projection.ProjectionNames;
import io.supplyline.query.projection.ProjectionTables;
import io.supplyline.query.projection.Replay;
import io.supplyline.query.projection.ScratchSchema;

/**
 * The stock network as it was at an instant: the stock-levels projection's own handlers run over
 * the topic's events up to that instant into empty copies of its tables, which are read and dropped.
 */
@Singleton
public class StockAsOf {

    private static final int EVENTS_PER_TRANSACTION = 500;

    private final StockLevelProjection projection;
    private final TopicHistory topic;
    private final DataSource dataSource;
    private final String databaseKind;
    /** Each replay reads the whole topic: a few at a time per instance, the rest are told to come back (429). */
    private final Semaphore replays;

    StockAsOf(StockLevelProjection projection, TopicHistory topic, DataSource dataSource,
              @ConfigProperty(name = "quarkus.datasource.db-kind") String databaseKind,
              @ConfigProperty(name = "supplyline.audit.max-concurrent") int maxConcurrent) {
        this.replays = new Semaphore(maxConcurrent);
        this.projection = projection;
        this.topic = topic;
        this.dataSource = dataSource;
        this.databaseKind = databaseKind;
    }

    public boolean available() {
        return databaseKind.equals("postgresql");
    }

    public record Network(Instant asOf, long eventsApplied, List<StockLevelView> items) {
    }

    public Network at(Instant asOf) throws SQLException {
        if (!replays.tryAcquire()) {
            throw new Refusal(429, "TOO_MANY_AUDIT_REQUESTS", "As many as-of replays as this instance runs at once are "
                    + "running; try again shortly", Duration.ofSeconds(5));
        }
        try {
            return replay(asOf);
        } finally {
            replays.release();
        }
    }

    private Network replay(Instant asOf) throws SQLException {
        ScratchSchema scratch = ScratchSchema.create(dataSource,
                "asof_" + UUID.randomUUID().toString().replace("-", ""), ProjectionTables.OF.get(ProjectionNames.STOCK_LEVELS));
        try {
            AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
            List<EventMessage<?>> batch = new ArrayList<>();
            long[] applied = {0};
            topic.forEach(event -> {
                if (!event.getTimestamp().isAfter(asOf) && handlers.canHandle(event)) {
                    batch.add(event);
                    applied[0]++;
                    if (batch.size() == EVENTS_PER_TRANSACTION) {
                        apply(scratch, handlers, batch);
                    }
                }
            });
            apply(scratch, handlers, batch);
            List<StockLevelView> items = QuarkusTransaction.requiringNew().call(() -> {
                scratch.useInCurrentTransaction();
                return StockLevel.<StockLevel>listAll(Sort.by("warehouse", "sku")).stream()
                        .map(StockLevelView::of).toList();
            });
            return new Network(asOf, applied[0], items);
        } finally {
            scratch.drop();
        }
    }

    /** One transaction on the copies; a replay tells nobody (no live stream, no waiting readers). */
    private static void apply(ScratchSchema scratch, AnnotationEventHandlerAdapter handlers, List<EventMessage<?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                scratch.useInCurrentTransaction();
                Replay.during(() -> {
                    for (EventMessage<?> event : batch) {
                        handlers.handle(event);
                    }
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException("Could not replay the stock levels", e);
            }
        });
        batch.clear();
    }
}
