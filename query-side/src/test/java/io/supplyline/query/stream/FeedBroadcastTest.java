package io.supplyline.query.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Quantity;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.query.EventTopicWriter;

/** The live feed travels between query instances through PostgreSQL notifications. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class FeedBroadcastTest {

    private static final EventTopicWriter TOPIC = new EventTopicWriter();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LiveFeed feed;

    @Inject
    DataSource dataSource;

    @AfterAll
    static void closeTopic() {
        TOPIC.close();
    }

    /** Records what it gets; each change is written at once. */
    private static LiveFeed.Subscriber recordingInto(List<LiveFeed.Change> seen) {
        return change -> {
            seen.add(change);
            return CompletableFuture.completedFuture(null);
        };
    }

    /** Notifies as another instance would: a change with {@code sku} as its data. */
    private void notifyFromAnotherInstance(String sku) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, FeedBroadcast.CHANNEL);
            notify.setString(2, "{\"origin\":\"another-instance\",\"type\":\"stock-level\",\"data\":{\"sku\":\"" + sku + "\"}}");
            notify.execute();
        }
    }

    private static boolean carried(List<LiveFeed.Change> seen, String sku) {
        return seen.stream().anyMatch(change -> change.data() instanceof JsonNode data && sku.equals(data.path("sku").asText()));
    }

    @Test
    void aChangeAnotherInstanceCommittedReachesThisInstancesSubscribers() throws Exception {
        List<LiveFeed.Change> seen = new CopyOnWriteArrayList<>();
        LiveFeed.Subscriber subscriber = recordingInto(seen);
        feed.subscribe(null, subscriber);
        try {
            notifyFromAnotherInstance("FAR-AWAY");
            await().atMost(Duration.ofSeconds(10)).until(() -> carried(seen, "FAR-AWAY"));
        } finally {
            feed.unsubscribe(subscriber);
        }
    }

    @Test
    void aChangeProjectedHereIsNotifiedToTheOtherInstancesAndPublishedHereOnce() throws Exception {
        StockItemId item = StockItemId.of("FEED-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "SKU-1");
        List<LiveFeed.Change> seen = new CopyOnWriteArrayList<>();
        LiveFeed.Subscriber subscriber = recordingInto(seen);
        feed.subscribe(null, subscriber);
        try (Connection listening = dataSource.getConnection(); Statement listen = listening.createStatement()) {
            listen.execute("LISTEN " + FeedBroadcast.CHANNEL);
            TOPIC.publish("StockItem", item.aggregateId(), 0, new StockReceived(item, Quantity.of(4), "DN-1"));

            List<JsonNode> notified = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                PGNotification[] received = listening.unwrap(PGConnection.class).getNotifications(200);
                if (received != null) {
                    for (PGNotification notification : received) {
                        notified.add(JSON.readTree(notification.getParameter()));
                    }
                }
                return notified.stream().anyMatch(change -> isOurs(change.path("data"), item));
            });
            assertThat(notified).filteredOn(change -> isOurs(change.path("data"), item)).singleElement()
                    .satisfies(change -> {
                        assertThat(change.path("type").asText()).isEqualTo("stock-level");
                        assertThat(change.path("data").path("onHand").asLong()).isEqualTo(4);
                    });
            // Its own notification does not come back as a second change here: had it, it would have come
            // back before a notification made after it.
            String marker = "MARKER-" + UUID.randomUUID();
            notifyFromAnotherInstance(marker);
            await().atMost(Duration.ofSeconds(10)).until(() -> carried(seen, marker));
            assertThat(seen).filteredOn(change -> change.data() instanceof JsonNode data ? isOurs(data, item)
                    : change.data().toString().contains(item.warehouse().value())).hasSize(1);
        } finally {
            feed.unsubscribe(subscriber);
        }
    }

    private static boolean isOurs(JsonNode view, StockItemId item) {
        return item.warehouse().value().equals(view.path("warehouse").asText());
    }
}
