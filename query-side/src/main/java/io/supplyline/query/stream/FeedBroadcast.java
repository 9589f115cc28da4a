package io.supplyline.query.stream;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Carries the live feed between query instances through PostgreSQL's LISTEN/NOTIFY. Each partition
 * of the topic is applied on one instance, but a dashboard may stream from any: a batch's transaction notifies its
 * changes (PostgreSQL delivers them only if it commits, in commit order), and every other instance
 * publishes them to its own subscribers. After the listening connection was lost, subscribers are
 * told to reload, since changes may have passed meanwhile. Local runs on H2 have one instance and
 * carry nothing.
 */
@Singleton
public class FeedBroadcast implements LiveFeed.Carrier {

    private static final Logger LOG = Logger.getLogger(FeedBroadcast.class);
    static final String CHANNEL = "supplyline_feed";
    /** PostgreSQL refuses a notification payload of 8000 bytes or more. */
    private static final int MAX_PAYLOAD = 7_900;

    private final DataSource dataSource;
    private final LiveFeed feed;
    private final ObjectMapper json;
    private final boolean postgres;
    /** Tells this instance's own notifications from the others'. */
    private final String origin = UUID.randomUUID().toString();
    private volatile boolean running;
    private Thread listener;

    FeedBroadcast(DataSource dataSource, LiveFeed feed, ObjectMapper json,
                  @ConfigProperty(name = "quarkus.datasource.db-kind") String databaseKind) {
        this.dataSource = dataSource;
        this.feed = feed;
        this.json = json;
        this.postgres = databaseKind.startsWith("postgres");
    }

    void start(@Observes StartupEvent event) {
        if (!postgres) {
            return;
        }
        running = true;
        feed.carryWith(this);
        listener = new Thread(this::listen, "feed-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public void carry(List<LiveFeed.Change> changes) {
        List<String> payloads = new ArrayList<>();
        for (LiveFeed.Change change : changes) {
            String payload = payload(change.type(), json.valueToTree(change.data()));
            // The limit is in bytes; text outside ASCII takes more than one each.
            payloads.add(payload.getBytes(StandardCharsets.UTF_8).length < MAX_PAYLOAD ? payload
                    : payload(LiveFeed.RESET, json.getNodeFactory().textNode("A change too large to carry")));
        }
        // The transaction's own connection: the notifications leave with its commit, or not at all.
        try (Connection connection = dataSource.getConnection()) {
            notify(connection, payloads);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not notify the other query instances", e);
        }
    }

    @Override
    public void carryReset(String reason) {
        try (Connection connection = dataSource.getConnection()) {
            notify(connection, List.of(payload(LiveFeed.RESET, json.getNodeFactory().textNode(reason))));
        } catch (SQLException e) {
            LOG.warnf("Could not tell the other query instances to reload: %s", e.getMessage());
        }
    }

    private static void notify(Connection connection, List<String> payloads) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement(
                "SELECT pg_notify('" + CHANNEL + "', payload) FROM unnest(?) AS payload")) {
            Array array = connection.createArrayOf("text", payloads.toArray());
            notify.setArray(1, array);
            notify.execute();
        }
    }

    private String payload(String type, JsonNode data) {
        ObjectNode payload = json.createObjectNode().put("origin", origin).put("type", type);
        payload.set("data", data);
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void listen() {
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement listen = connection.createStatement()) {
                listen.execute("LISTEN " + CHANNEL);
                if (reconnecting) {
                    feed.publishCarried(LiveFeed.RESET, "The feed from the other query instances was interrupted");
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(1_000);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            receive(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.debugf(e, "The feed listener lost its connection; it connects again");
                    reconnecting = true;
                    sleep();
                }
            }
        }
    }

    private void receive(String payload) {
        try {
            JsonNode change = json.readTree(payload);
            if (origin.equals(change.path("origin").asText())) {
                return;
            }
            String type = change.path("type").asText();
            if (LiveFeed.RESET.equals(type)) {
                feed.publishCarried(type, change.path("data").asText());
            } else {
                feed.publishCarried(type, change.get("data"));
            }
        } catch (JsonProcessingException e) {
            LOG.warnf("Ignored a feed notification that is not JSON: %s", e.getMessage());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
