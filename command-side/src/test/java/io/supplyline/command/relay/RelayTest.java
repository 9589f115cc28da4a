package io.supplyline.command.relay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supplyline.command.EventStoreRows;
import io.supplyline.command.axon.AxonConfiguration;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.deploy.kafka.TopicReader;
import io.supplyline.events.EventTopic;

/** The relay: every stored event reaches supplychain.events, once, keyed by its aggregate id. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class RelayTest {

    @Inject
    EventStoreRows eventStore;

    @Inject
    AxonConfiguration axon;

    @Test
    void acceptedEventsAreOnTheTopicKeyedByAggregateWithTypeAndMetadataHeaders() {
        String sku = "RELAY-" + System.nanoTime();
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .header("X-Correlation-Id", "order-4711")
                .body(Map.of("sku", sku, "name", "Relay test", "unitOfMeasure", "EA", "reorderPoint", 0,
                        "reorderQuantity", 1))
                .post("/products").then().statusCode(201).header("X-Correlation-Id", "order-4711");

        List<ConsumerRecord<String, byte[]>> records = awaitRecords("product:" + sku, 1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(header(record, "axon-message-type")).isEqualTo("io.supplyline.events.catalog.ProductRegistered");
        assertThat(header(record, "axon-message-revision")).isEqualTo("2");
        assertThat(header(record, "axon-message-id")).isEqualTo(eventStore.eventIds("product:" + sku).get(0));
        assertThat(header(record, "axon-metadata-principal")).isEqualTo("operator");
        assertThat(header(record, "axon-metadata-correlationId")).isEqualTo("order-4711");
        assertThat(header(record, "axon-metadata-commandName")).isEqualTo("RegisterProduct");
        assertThat(header(record, "axon-metadata-causationId")).isNotBlank();
        assertThat(header(record, "ce_type")).isEqualTo("supplyline.catalog.ProductRegistered.v2");
        assertThat(header(record, "ce_dataschema"))
                .isEqualTo("https://supplyline.io/schemas/events/supplyline.catalog.ProductRegistered.v2.schema.json");
        assertThat(header(record, "ce_id")).isEqualTo(header(record, "axon-message-id"));
        assertThat(header(record, "ce_subject")).isEqualTo("product:" + sku);
        assertThat(Instant.parse(header(record, "ce_time"))).isBeforeOrEqualTo(Instant.now());
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"sku\":\"" + sku + "\"");
    }

    @Test
    void commandsAcceptedWhileTheBrokerIsDownReachTheTopicWhenItReturns() {
        String warehouse = "OUT-" + System.nanoTime();
        String sku = "OUTAGE-" + System.nanoTime();
        registerWarehouseAndProduct(warehouse, sku);
        String item = "stock:" + warehouse + ":" + sku;

        long failedBefore = axon.relay().failedAttempts();
        KafkaBrokerTestResource.stopBroker();
        try {
            for (int i = 1; i <= 5; i++) {
                given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                        .body(Map.of("quantity", i, "reference", "during-outage-" + i))
                        .post("/stock/{warehouse}/{sku}/receipts", warehouse, sku)
                        .then().statusCode(200);
            }
            // The outage lasts until the relay has really failed to deliver them, twice.
            await().atMost(Duration.ofSeconds(60)).until(() -> axon.relay().failedAttempts() >= failedBefore + 2);
        } finally {
            KafkaBrokerTestResource.startBroker();
        }

        List<String> stored = eventStore.eventIds(item);
        assertThat(stored).hasSize(5);
        List<ConsumerRecord<String, byte[]>> onTopic = awaitRecords(item, 5);
        // Publication is at-least-once, so a retried batch may repeat an event; none may be missing or reordered.
        assertThat(onTopic.stream().map(r -> header(r, "axon-message-id")).distinct())
                .containsExactlyElementsOf(stored);
    }

    @Test
    void everyEventFromConcurrentWritersReachesTheTopicInItsAggregatesOrder() throws Exception {
        // Concurrent appends commit out of global-index order: the trap that can make a relay skip events.
        String warehouse = "CONC-" + System.nanoTime();
        int writers = 8;
        int receiptsEach = 25;
        List<String> items = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String sku = "CONC-SKU-" + i;
            registerWarehouseAndProduct(i == 0 ? warehouse : null, sku);
            items.add("stock:" + warehouse + ":" + sku);
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String sku = "CONC-SKU-" + i;
                done.add(pool.submit(() -> {
                    for (int n = 0; n < receiptsEach; n++) {
                        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                                .body(Map.of("quantity", 1))
                                .post("/stock/{warehouse}/{sku}/receipts", warehouse, sku)
                                .then().statusCode(200);
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        for (String item : items) {
            List<String> stored = eventStore.eventIds(item);
            assertThat(stored).hasSize(receiptsEach);
            assertThat(awaitRecords(item, receiptsEach).stream().map(r -> header(r, "axon-message-id")).distinct())
                    .containsExactlyElementsOf(stored);
        }
    }

    /** Registers the product, and the warehouse unless it is null. */
    private static void registerWarehouseAndProduct(String warehouse, String sku) {
        if (warehouse != null) {
            given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                    .body(Map.of("code", warehouse, "name", "Relay DC", "city", "Köln", "country", "DE"))
                    .post("/warehouses").then().statusCode(201);
        }
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "name", "Outage item", "unitOfMeasure", "EA", "reorderPoint", 0,
                        "reorderQuantity", 1))
                .post("/products").then().statusCode(201);
    }

    /** Waits until the topic holds at least the expected number of records for the key, then returns them all. */
    private static List<ConsumerRecord<String, byte[]>> awaitRecords(String key, int expected) {
        String bootstrap = KafkaBrokerTestResource.bootstrapServers();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(
                () -> TopicReader.readAll(bootstrap, EventTopic.NAME).stream().filter(r -> key.equals(r.key())).count()
                        >= expected);
        return TopicReader.readAll(bootstrap, EventTopic.NAME).stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
