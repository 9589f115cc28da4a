package io.supplyline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.supplyline.deploy.cluster.ServiceProcess;
import io.supplyline.deploy.generator.DayOptions;
import io.supplyline.deploy.generator.DayReport;
import io.supplyline.deploy.generator.RealisticDay;
import io.supplyline.deploy.generator.TopicSize;
import io.supplyline.deploy.kafka.TopicReader;
import io.supplyline.events.EventTopic;

/**
 * Three command-side instances share one event store and one broker, as replicas would.
 * Conflicting commands sent to two never both succeed; for a few minutes twenty-four writers drive
 * realistic days through all three at once, their transactions committing in every interleaving,
 * and afterwards every stored event is on the topic exactly once, in order per aggregate (the relay
 * runs in one instance at a time, claimed through its token, and reads the store in commit order).
 */
class SharedEventStoreIT {

    /** How long the writers run (-Dsupplyline.soak.seconds=1800 for a long soak). */
    private static final int SOAK_SECONDS = Integer.getInteger("supplyline.soak.seconds", 120);
    /** Commands per second each instance is sent. */
    private static final int SOAK_RATE = Integer.getInteger("supplyline.soak.rate", 30);
    private static final int WRITERS_PER_INSTANCE = 8;
    private static SupplylineSystem system;
    private static ServiceProcess secondCommandSide;
    private static ServiceProcess thirdCommandSide;

    @BeforeAll
    static void startSystemWithTwoCommandSides() throws Exception {
        system = new SupplylineSystem();
        system.start();
        secondCommandSide = system.commandSide("command-side-2");
        secondCommandSide.start();
        thirdCommandSide = system.commandSide("command-side-3");
        thirdCommandSide.start();
    }

    @AfterAll
    static void stopSystem() {
        for (ServiceProcess instance : new ServiceProcess[] {secondCommandSide, thirdCommandSide}) {
            if (instance != null) {
                instance.stop();
            }
        }
        if (system != null) {
            system.close();
        }
    }

    private static RequestSpecification operator(ServiceProcess commandSide) {
        return given().baseUri(commandSide.url()).auth().basic("operator", "operator").contentType(ContentType.JSON);
    }

    @Test
    void ofWriteOffsRacingThroughTwoInstancesExactlyTheStockOnHandIsAccepted() throws Exception {
        operator(system.commandSide).body(Map.of("code", "TWO-1", "name", "DC", "city", "Berlin", "country", "DE"))
                .post("/warehouses").then().statusCode(201);
        operator(secondCommandSide).body(Map.of("sku", "TWO-SKU", "name", "Item", "unitOfMeasure", "EA",
                "reorderPoint", 0, "reorderQuantity", 1)).post("/products").then().statusCode(201);
        operator(system.commandSide).body(Map.of("quantity", 10)).post("/stock/TWO-1/TWO-SKU/receipts")
                .then().statusCode(200);

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                ServiceProcess instance = i % 2 == 0 ? system.commandSide : secondCommandSide;
                answers.add(pool.submit(() -> {
                    start.await();
                    return operator(instance).body(Map.of("delta", -1, "reason", "LOSS"))
                            .post("/stock/TWO-1/TWO-SKU/adjustments").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            // A write-off that loses the race between the instances is retried against the winner's
            // state, so none ends in a conflict: ten are accepted and the rest find no stock.
            assertThat(statuses).isSubsetOf(200, 422);
            assertThat(statuses.stream().filter(status -> status == 200)).hasSize(10);
        } finally {
            pool.shutdownNow();
        }
        try (Connection store = system.commandDatabase(); Statement query = store.createStatement();
             ResultSet count = query.executeQuery(
                     "SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = 'stock:TWO-1:TWO-SKU'")) {
            count.next();
            assertThat(count.getLong(1)).as("one receipt and ten write-offs").isEqualTo(11);
        }
    }

    @Test
    void afterWritersOnThreeInstancesForMinutesEveryStoredEventIsOnTheTopicOnceAndInOrder() throws Exception {
        int commands = SOAK_SECONDS * SOAK_RATE;
        DayOptions day = DayOptions.defaults().withSize(commands, WRITERS_PER_INSTANCE, SOAK_RATE);
        List<CompletableFuture<DayReport>> days = new ArrayList<>();
        List<ServiceProcess> instances = List.of(system.commandSide, secondCommandSide, thirdCommandSide);
        for (int i = 0; i < instances.size(); i++) {
            DayOptions options = new DayOptions(URI.create(instances.get(i).url()), "operator", "operator", commands,
                    WRITERS_PER_INSTANCE, SOAK_RATE, day.seed() + i, "", DayOptions.Via.HTTP);
            days.add(CompletableFuture.supplyAsync(() -> runDay(options)));
        }
        for (CompletableFuture<DayReport> done : days) {
            DayReport report = done.get();
            System.out.print(report.summary());
            assertThat(report.serverErrors()).as("5xx answers").isEmpty();
            assertThat(report.accepted()).isGreaterThan(commands / 2);
        }

        // The processes (order fulfilment, goods into stock) may still be appending after the last
        // command: wait until the store has stopped growing and the topic holds as many records.
        long daysDone = System.nanoTime();
        AtomicLong lastStoreCount = new AtomicLong(-1);
        await().atMost(Duration.ofMinutes(3 + SOAK_SECONDS / 300)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            long storeCount = storedEventCount();
            boolean settled = storeCount == lastStoreCount.getAndSet(storeCount);
            return settled && TopicSize.of(system.bootstrapServers()) >= storeCount;
        });
        System.out.printf("Store settled and relay caught up %.1f s after the last command%n",
                (System.nanoTime() - daysDone) / 1e9);
        // A process that backed off (a conflict, say) may still append after the store looked settled:
        // compare a snapshot of the store with the topic read after it, until they agree or a minute passes.
        AtomicReference<Map<String, Long>> storedSnapshot = new AtomicReference<>();
        AtomicReference<List<ConsumerRecord<String, byte[]>>> topicSnapshot = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            storedSnapshot.set(storedSequenceByEventId());
            topicSnapshot.set(TopicReader.readAll(system.bootstrapServers(), EventTopic.NAME));
            Set<String> missing = new HashSet<>(storedSnapshot.get().keySet());
            topicSnapshot.get().forEach(record -> missing.remove(header(record, "axon-message-id")));
            assertThat(missing).as("stored events missing from the topic (of %d)", storedSnapshot.get().size()).isEmpty();
        });
        // Read after the topic: holds every event the topic holds (an event is stored before it is published).
        Map<String, Long> stored = storedSequenceByEventId();
        List<ConsumerRecord<String, byte[]>> records = topicSnapshot.get();
        List<String> published = records.stream().map(record -> header(record, "axon-message-id")).toList();
        assertThat(published).as("no event published twice").doesNotHaveDuplicates();
        Set<String> unknown = new HashSet<>(published);
        unknown.removeAll(stored.keySet());
        assertThat(unknown).as("events on the topic that are not stored").isEmpty();

        Map<String, List<Long>> sequencesByAggregate = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            sequencesByAggregate.computeIfAbsent(record.key(), key -> new ArrayList<>())
                    .add(stored.get(header(record, "axon-message-id")));
        }
        sequencesByAggregate.forEach((aggregate, sequences) -> {
            for (int i = 0; i < sequences.size(); i++) {
                assertThat(sequences.get(i)).as(aggregate + " in order without gaps").isEqualTo(i);
            }
        });
        System.out.printf("Reconciled %d stored events of %d aggregates with the topic%n", stored.size(),
                sequencesByAggregate.size());
    }

    private static DayReport runDay(DayOptions options) {
        try {
            return new RealisticDay(options).run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long storedEventCount() throws Exception {
        try (Connection store = system.commandDatabase(); Statement query = store.createStatement();
             ResultSet count = query.executeQuery("SELECT COUNT(*) FROM domainevententry")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static Map<String, Long> storedSequenceByEventId() throws Exception {
        Map<String, Long> stored = new HashMap<>();
        try (Connection store = system.commandDatabase(); Statement query = store.createStatement();
             ResultSet rows = query.executeQuery("SELECT eventidentifier, sequencenumber FROM domainevententry")) {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getLong(2));
            }
        }
        return stored;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
