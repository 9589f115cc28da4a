package io.supplyline.query.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Quantity;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.query.EventTopicWriter;

/** The live stream over a real HTTP connection: changes as they commit, heartbeats, resumption, filters. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class StreamApiTest {

    private static final EventTopicWriter TOPIC = new EventTopicWriter();

    @TestHTTPResource("/stream")
    URL stream;

    @Inject
    LiveFeed feed;

    @AfterAll
    static void closeTopic() {
        TOPIC.close();
    }

    /** One SSE event as read off the wire; a comment (heartbeat) has only {@code comment}. */
    record Event(String id, String name, String data, String comment) {
    }

    /** Opens the stream and parses it into events on a background thread. */
    private BlockingQueue<Event> open(String query, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stream + (query == null ? "" : "?" + query)))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("analyst:analyst".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    String[] event = new String[3];
                    response.body().forEach(line -> {
                        if (line.startsWith(":")) {
                            events.add(new Event(null, null, null, line.substring(1)));
                        } else if (line.startsWith("id:")) {
                            event[0] = line.substring(3).trim();
                        } else if (line.startsWith("event:")) {
                            event[1] = line.substring(6).trim();
                        } else if (line.startsWith("data:")) {
                            event[2] = line.substring(5).trim();
                        } else if (line.isEmpty() && (event[1] != null || event[2] != null)) {
                            events.add(new Event(event[0], event[1], event[2], null));
                            event[0] = event[1] = event[2] = null;
                        }
                    });
                });
        return events;
    }

    /** Opens the stream and waits until the server has subscribed it, so nothing published after is missed. */
    private BlockingQueue<Event> listening(String query) throws InterruptedException {
        int before = feed.subscribers();
        BlockingQueue<Event> events = open(query, null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (feed.subscribers() <= before) {
            assertThat(System.nanoTime()).as("the stream subscribed within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        return events;
    }

    /** The next event that is not a heartbeat and mentions {@code text}, within a few seconds. */
    private static Event next(BlockingQueue<Event> events, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Event event = events.poll(200, TimeUnit.MILLISECONDS);
            if (event != null && event.comment() == null && event.data() != null && event.data().contains(text)) {
                return event;
            }
        }
        throw new AssertionError("No event with " + text);
    }

    private static String received(StockItemId item, long sequence, int quantity) {
        TOPIC.publish("StockItem", item.aggregateId(), sequence, new StockReceived(item, Quantity.of(quantity), "DN"));
        given().auth().basic("analyst", "analyst")
                .get("/stock-levels/{w}/{s}?minVersion={v}", item.warehouse().value(), item.sku().value(), sequence)
                .then().statusCode(200);
        return item.sku().value();
    }

    /** A rebuilt read model changed wholesale: every subscriber is told to reload, whatever types it asked for. */
    @Test
    void aResetReachesEverySubscriberWithAnId() throws Exception {
        BlockingQueue<Event> events = listening("types=alert");
        String reason = "The stock-levels read model was rebuilt " + UUID.randomUUID();
        feed.reset(reason);
        Event reset = next(events, reason);
        assertThat(reset.name()).isEqualTo("reset");
        assertThat(reset.id()).isNotBlank();
    }

    @Test
    void aCommittedChangeIsPushedWithAnIdAndTheStreamBeatsWhileQuiet() throws Exception {
        BlockingQueue<Event> events = listening("types=stock-level");
        StockItemId item = StockItemId.of("WH-" + UUID.randomUUID().toString().substring(0, 8), "SSE-1");
        String sku = received(item, 0, 7);
        Event change = next(events, sku);
        assertThat(change.name()).isEqualTo("stock-level");
        assertThat(change.id()).matches("[0-9a-z]+-\\d+");
        assertThat(change.data()).contains("\"onHand\":7");
        Event heartbeat = events.poll(3, TimeUnit.SECONDS);
        while (heartbeat != null && heartbeat.comment() == null) {
            heartbeat = events.poll(3, TimeUnit.SECONDS);
        }
        assertThat(heartbeat).as("a heartbeat comment").isNotNull();
    }

    @Test
    void aClientResumingWithLastEventIdGetsWhatItMissedAndAStrangerIdGetsAReset() throws Exception {
        BlockingQueue<Event> first = listening("types=stock-level");
        StockItemId item = StockItemId.of("WH-" + UUID.randomUUID().toString().substring(0, 8), "SSE-2");
        Event seen = next(first, received(item, 0, 1));
        received(item, 1, 1);
        received(item, 2, 1);

        BlockingQueue<Event> resumed = open("types=stock-level", seen.id());
        List<String> replayed = new ArrayList<>();
        replayed.add(next(resumed, item.warehouse().value()).data());
        replayed.add(next(resumed, item.warehouse().value()).data());
        assertThat(replayed).satisfiesExactly(
                data -> assertThat(data).contains("\"version\":1"),
                data -> assertThat(data).contains("\"version\":2"));

        BlockingQueue<Event> stranger = open(null, "an-id-from-elsewhere-42");
        Event reset = stranger.poll(5, TimeUnit.SECONDS);
        assertThat(reset).isNotNull();
        assertThat(reset.name()).isEqualTo("reset");
    }

    @Test
    void aFilterKeepsOtherTypesOutAndABadFilterIsRefused() throws Exception {
        BlockingQueue<Event> alertsOnly = listening("types=alert");
        StockItemId item = StockItemId.of("WH-" + UUID.randomUUID().toString().substring(0, 8), "SSE-3");
        received(item, 0, 5);
        Thread.sleep(500);
        assertThat(alertsOnly).noneMatch(event -> "stock-level".equals(event.name()));
        given().auth().basic("analyst", "analyst").get("/stream?types=gossip").then().statusCode(400);
        given().get("/stream").then().statusCode(401);
    }
}
