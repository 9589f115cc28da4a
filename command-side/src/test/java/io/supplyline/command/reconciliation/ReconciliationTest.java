package io.supplyline.command.reconciliation;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.receivedStock;
import static io.supplyline.command.ApiMother.newStockItem;
import static io.supplyline.command.ApiMother.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.supplyline.command.ApiMother.NewStockItem;
import io.supplyline.command.EventStoreRows;
import io.supplyline.command.HeldTransaction;
import io.supplyline.command.axon.AxonConfiguration;
import io.supplyline.command.inventory.ReceiveStock;
import io.supplyline.command.processors.ProcessorNames;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.deploy.kafka.TopicReader;
import io.supplyline.events.EventTopic;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.warehouse.WarehouseCode;

/** Store against topic: a gap while the relay is stopped shows and closes; doubles and strangers show. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class ReconciliationTest {

    /** Metrics are on the management interface, not on the API port. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Inject
    AxonConfiguration axon;

    @Inject
    CommandGateway gateway;

    @Inject
    EventStoreRows eventStore;

    @Inject
    TransactionManager jta;

    private static RequestSpecification auditor() {
        return given().auth().basic("auditor", "auditor");
    }

    /** A new stock item with {@code receipts} receipts; returns its aggregate id. */
    private static String received(int receipts) {
        return receivedStock(UUID.randomUUID().toString(), IntStream.rangeClosed(1, receipts).toArray());
    }

    private static void awaitConsistent(String aggregateId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                auditor().queryParam("aggregateId", aggregateId).get("/audit/reconciliation")
                        .then().statusCode(200).body("consistent", equalTo(true)));
    }

    @Test
    void eventsStoredWhileTheRelayIsStoppedAreMissingUntilItRuns() {
        EventProcessor relay = axon.eventProcessing().eventProcessor(ProcessorNames.KAFKA_RELAY).orElseThrow();
        relay.shutDown();
        String item;
        try {
            item = received(3);
            auditor().queryParam("aggregateId", item).get("/audit/reconciliation")
                    .then().statusCode(200)
                    .body("consistent", equalTo(false))
                    .body("storedEvents", equalTo(3))
                    .body("missingFromTopic", equalTo(3))
                    .body("lostFromTopic", equalTo(0))
                    .body("findings.problem", contains("MISSING"))
                    .body("findings[0].aggregateId", equalTo(item))
                    .body("findings[0].events", equalTo(3));
        } finally {
            relay.start();
        }
        awaitConsistent(item);
        auditor().queryParam("aggregateId", item).get("/audit/reconciliation")
                .then().body("topicRecords", equalTo(3)).body("missingFromTopic", equalTo(0));
    }

    /**
     * A transaction commits after the relay has read past its global index: until the relay publishes
     * its event, the relay's lag counts it, and the reconciliation finds it missing, not lost.
     */
    @Test
    void aLateCommitCountsAsRelayLagAndAsMissingAlikeUntilItIsPublished() throws Exception {
        NewStockItem item = newStockItem("LAG");
        String late = item.aggregateId();
        EventProcessor relay = axon.eventProcessing().eventProcessor(ProcessorNames.KAFKA_RELAY).orElseThrow();
        try {
            try (HeldTransaction held = HeldTransaction.appending(jta, gateway, Duration.ofMinutes(2), new ReceiveStock(
                    new StockItemId(new WarehouseCode(item.warehouse()), new Sku(item.sku())), new Quantity(7), "late"))) {
                // Events appended after it are published: the relay has read past its global index.
                awaitConsistent(received(3));
                relay.shutDown();
                held.commit();
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                double lagBefore = metric("supplyline_relay_lag_events");
                var whole = auditor().get("/audit/reconciliation").then().statusCode(200).extract().jsonPath();
                double lagAfter = metric("supplyline_relay_lag_events");
                assertThat(lagBefore).isGreaterThanOrEqualTo(1).isEqualTo(lagAfter);
                assertThat(whole.getLong("missingFromTopic")).isEqualTo((long) lagBefore);
                assertThat(whole.getLong("lostFromTopic")).isZero();
                assertThat(metric("supplyline_reconciliation_missing_events")).isEqualTo(lagBefore);
            });
            auditor().queryParam("aggregateId", late).get("/audit/reconciliation")
                    .then().statusCode(200)
                    .body("missingFromTopic", equalTo(1))
                    .body("lostFromTopic", equalTo(0))
                    .body("findings.problem", contains("MISSING"));
        } finally {
            relay.start();
        }
        awaitConsistent(late);
        await().atMost(Duration.ofSeconds(30)).until(() -> metric("supplyline_relay_lag_events") == 0);
    }

    @Test
    void aStoredEventTheRelayHasPassedThatTheTopicLacksIsLost() {
        String item = received(1);
        awaitConsistent(item);
        // As if the record had vanished from the topic: the store's event now has a sequence the topic lacks.
        eventStore.tamper("UPDATE domainevententry SET sequencenumber = 41 WHERE aggregateidentifier = ?", item);
        try {
            auditor().queryParam("aggregateId", item).get("/audit/reconciliation")
                    .then().statusCode(200)
                    .body("consistent", equalTo(false))
                    .body("missingFromTopic", equalTo(1))
                    .body("lostFromTopic", equalTo(1))
                    .body("unknownOnTopic", equalTo(1))
                    .body("findings.problem", containsInAnyOrder("LOST", "UNKNOWN"));
        } finally {
            eventStore.tamper("UPDATE domainevententry SET sequencenumber = 0 WHERE aggregateidentifier = ?", item);
        }
    }

    private double metric(String name) {
        String scraped = given().get(metrics).then().statusCode(200).extract().asString();
        return scraped.lines().filter(line -> line.startsWith(name + " ")).mapToDouble(line ->
                Double.parseDouble(line.substring(name.length() + 1))).findFirst().orElseThrow();
    }

    @Test
    void aRecordPublishedTwiceAndOneTheStoreNeverHadAreNamed() {
        String item = received(2);
        awaitConsistent(item);
        var original = TopicReader.readAll(KafkaBrokerTestResource.bootstrapServers(), EventTopic.NAME).stream()
                .filter(record -> item.equals(record.key())).findFirst().orElseThrow();
        String stranger = "stock:NOWHERE:" + unique("GHOST");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(EventTopic.NAME, null, item, original.value(), original.headers()));
            producer.send(new ProducerRecord<>(EventTopic.NAME, null, stranger,
                    "{}".getBytes(StandardCharsets.UTF_8), original.headers()));
        }

        auditor().queryParam("aggregateId", item).get("/audit/reconciliation")
                .then().statusCode(200)
                .body("consistent", equalTo(false))
                .body("duplicatesOnTopic", equalTo(1))
                .body("missingFromTopic", equalTo(0))
                .body("findings.problem", contains("DUPLICATED"));
        auditor().queryParam("aggregateId", stranger).get("/audit/reconciliation")
                .then().statusCode(200)
                .body("storedEvents", equalTo(0))
                .body("unknownOnTopic", equalTo(1))
                .body("findings[0].aggregateId", equalTo(stranger))
                .body("findings[0].problem", equalTo("UNKNOWN"));
    }

    @Test
    void theWholeStoreReconciliationFeedsTheMetrics() {
        int missing = auditor().get("/audit/reconciliation").then().statusCode(200).extract().path("missingFromTopic");
        given().get(metrics).then().statusCode(200)
                .body(containsString("supplyline_reconciliation_missing_events " + (double) missing))
                .body(containsString("supplyline_reconciliation_duplicate_events"))
                .body(matchesPattern("(?s).*supplyline_relay_lag_events \\d+\\.\\d+.*"))
                .body(matchesPattern("(?s).*supplyline_process_lag_events\\{process=\"order-fulfilment\"} \\d+\\.\\d+.*"))
                .body(matchesPattern("(?s).*supplyline_process_lag_events\\{process=\"goods-into-stock\"} \\d+\\.\\d+.*"));
    }

    @Test
    void onlyAuditorsReconcile() {
        given().get("/audit/reconciliation").then().statusCode(401);
        given().auth().basic("operator", "operator").get("/audit/reconciliation").then().statusCode(403);
    }
}
