package io.supplyline.query.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Quantity;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.query.EventTopicWriter;

/** The live stream over a real HTTP connection: changes as they commit, heartbeats, resumption, filters, limits. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class StreamApiTest {

    private static final EventTopicWriter TOPIC = new EventTopicWriter();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TestHTTPResource("/stream")
    URL stream;

    @Inject
    LiveFeed feed;

    @ConfigProperty(name = "supplyline.stream.max-subscribers")
    int maxSubscribers;

    /** The streams a test opened, hung up after it so they do not count against the next test's limit. */
    private final List<Stream<String>> opened = new CopyOnWriteArrayList<>();

    @AfterEach
    void hangUp() {
        opened.forEach(Stream::close);
        opened.clear();
    }

    @AfterAll
    static void closeTopic() {
        TOPIC.close();
    }

    /** One SSE event as read off the wire; a comment (heartbeat) has only {@code comment}. */
    record Event(String id, String name, String data, String comment) {

        long sequence() {
            return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
        }
    }

    private HttpRequest.Builder request(String query, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stream + (query == null ? "" : "?" + query)))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("analyst:analyst".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return request;
    }

    /** Opens the stream and parses it into events on a background thread. */
    private BlockingQueue<Event> open(String query, String lastEventId) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        HttpClient.newHttpClient().sendAsync(request(query, lastEventId).build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    opened.add(response.body());
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
    private BlockingQueue<Event> listening(String query) {
        return listening(query, null);
    }

    private BlockingQueue<Event> listening(String query, String lastEventId) {
        long before = feed.subscriptions();
        BlockingQueue<Event> events = open(query, lastEventId);
        await("the stream subscribed").atMost(Duration.ofSeconds(10)).until(() -> feed.subscriptions() > before);
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

    /** Every event up to and including the first that mentions {@code marker}, heartbeats left out. */
    private static List<Event> until(BlockingQueue<Event> events, String marker) throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(200, TimeUnit.MILLISECONDS);
            if (event != null && event.comment() == null) {
                seen.add(event);
                if (event.data() != null && event.data().contains(marker)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("No event with " + marker + " after " + seen.size() + " events");
    }

    private static String received(StockItemId item, long sequence, int quantity) {
        TOPIC.publish("StockItem", item.aggregateId(), sequence, new StockReceived(item, Quantity.of(quantity), "DN"));
        given().auth().basic("analyst", "analyst")
                .get("/stock-levels/{w}/{s}?minVersion={v}", item.warehouse().value(), item.sku().value(), sequence)
                .then().statusCode(200);
        return item.sku().value();
    }

    /** One change of the run, in a transaction of its own, as a projection commits it. */
    private void commit(String run, int n) {
        QuarkusTransaction.requiringNew().run(() ->
                feed.announce("stock-level", run + "/" + n, () -> Map.of("run", run, "n", n)));
    }

    /**
     * Commits changes {@code from} to {@code from + threads * each - 1} from {@code threads} threads at once;
     * {@code started} counts down once the first ones committed.
     */
    private CompletableFuture<Void> commitAtOnce(String run, int from, int threads, int each, CountDownLatch started) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> committers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = from + t * each;
            committers.add(pool.submit(() -> {
                go.await();
                for (int n = first; n < first + each; n++) {
                    commit(run, n);
                    started.countDown();
                }
                return null;
            }));
        }
        go.countDown();
        return CompletableFuture.runAsync(() -> {
            try {
                for (Future<?> committer : committers) {
                    committer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                pool.shutdown();
            }
        });
    }

    /** The run's changes among {@code events}, which must come each once and in the order of their ids. */
    private static void assertEveryChangeOnceInOrder(List<Event> events, String run, int from, int to) {
        List<Event> ours = events.stream().filter(event -> event.data().contains("\"run\":\"" + run + "\"")).toList();
        assertThat(ours).extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(ours).extracting(event -> Integer.parseInt(event.data().replaceAll(".*\"n\":(\\d+).*", "$1")))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(from, to).boxed().toList());
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

    /** Projections commit at the same time: each stream still gets every change once, in the order of the ids. */
    @Test
    void everyStreamGetsEveryChangeOnceInOrderWhileTransactionsCommitAtOnce() throws Exception {
        List<BlockingQueue<Event>> streams = List.of(listening("types=stock-level"), listening(null), listening(null));
        String run = UUID.randomUUID().toString();

        commitAtOnce(run, 0, 8, 50, new CountDownLatch(0)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        commit(run, 400);

        for (BlockingQueue<Event> events : streams) {
            assertEveryChangeOnceInOrder(until(events, "\"n\":400"), run, 0, 401);
        }
    }

    /** The missed changes come first, then the live ones, even while other transactions commit meanwhile. */
    @Test
    void aClientResumingWhileChangesCommitGetsWhatItMissedThenWhatFollowsOnceInOrder() throws Exception {
        BlockingQueue<Event> first = listening("types=stock-level");
        String run = UUID.randomUUID().toString();
        commit(run, 0);
        Event seen = next(first, run);
        for (int n = 1; n <= 100; n++) {
            commit(run, n);
        }

        CountDownLatch committing = new CountDownLatch(20);
        CompletableFuture<Void> meanwhile = commitAtOnce(run, 101, 4, 100, committing);
        committing.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        BlockingQueue<Event> resumed = open("types=stock-level", seen.id());
        meanwhile.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        commit(run, 501);

        assertEveryChangeOnceInOrder(until(resumed, "\"n\":501"), run, 1, 502);
    }

    /** The alert stream sees the alert that follows a stock change, and not the stock change before it. */
    @Test
    void aFilterKeepsOtherTypesOutAndABadFilterIsRefused() throws Exception {
        BlockingQueue<Event> alertsOnly = listening("types=alert");
        BlockingQueue<Event> everything = listening(null);
        StockItemId item = StockItemId.of("WH-" + UUID.randomUUID().toString().substring(0, 8), "SSE-3");
        next(everything, received(item, 0, 5));
        String marker = "marker-" + UUID.randomUUID();
        feed.publishCarried("alert", Map.of("note", marker));

        assertThat(until(alertsOnly, marker)).noneMatch(event -> "stock-level".equals(event.name()));
        given().auth().basic("analyst", "analyst").get("/stream?types=gossip").then().statusCode(400);
        given().get("/stream").then().statusCode(401);
    }

    /** Beyond the limit a stream is refused, with when to try again, until one hangs up. */
    @Test
    void aStreamBeyondTheLimitIsRefusedUntilAnotherHangsUp() throws Exception {
        await("the earlier tests' streams hung up").atMost(Duration.ofSeconds(10)).until(() -> feed.subscribers() == 0);
        for (int i = 0; i < maxSubscribers; i++) {
            listening(null);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> opened.size() == maxSubscribers);
        HttpResponse<InputStream> refused = HttpClient.newHttpClient().send(
                request(null, null).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = refused.body()) {
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).contains("\"code\":\"TOO_MANY_STREAMS\"");
        }

        opened.remove(0).close();
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.subscribers() < maxSubscribers);
        listening(null);
    }

    /** A client that stops reading is cut off once it is too far behind, instead of piling up changes here. */
    @Test
    void aStreamThatStopsReadingIsDroppedAndOthersFollowOn() throws Exception {
        await("the earlier tests' streams hung up").atMost(Duration.ofSeconds(10)).until(() -> feed.subscribers() == 0);
        BlockingQueue<Event> reading = listening(null);
        try (Socket stalled = new Socket()) {
            // A small window: the server's writes back up after a few kilobytes.
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress(stream.getHost(), stream.getPort()));
            long subscriptions = feed.subscriptions();
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /stream?types=alert HTTP/1.1\r\nHost: " + stream.getHost() + ":" + stream.getPort()
                    + "\r\nAccept: text/event-stream\r\nAuthorization: Basic "
                    + Base64.getEncoder().encodeToString("analyst:analyst".getBytes(StandardCharsets.UTF_8))
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> feed.subscriptions() > subscriptions);

            String filler = "x".repeat(16 * 1024);
            int published = 0;
            while (feed.subscribers() > 1 && published < 5_000) {
                String marker = "filler-" + published++;
                feed.publishCarried("alert", Map.of("note", marker, "filler", filler));
                // The stream that reads keeps up with every one of them.
                until(reading, marker);
            }
            assertThat(feed.subscribers()).as("streams left after %d large changes", published).isEqualTo(1);
            stalled.setSoTimeout(10_000);
            assertThat(hungUp(stalled.getInputStream())).as("the server closed the stalled connection").isTrue();
        }
        String marker = "after-" + UUID.randomUUID();
        feed.publishCarried("alert", Map.of("note", marker));
        assertThat(until(reading, marker)).last().extracting(Event::name).isEqualTo("alert");
    }

    /** Reads what the server had sent until it closes the connection (true), or falls silent (false). */
    private static boolean hungUp(InputStream in) {
        try {
            byte[] chunk = new byte[64 * 1024];
            while (in.read(chunk) >= 0) {
                // what was written before the stream was dropped
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
