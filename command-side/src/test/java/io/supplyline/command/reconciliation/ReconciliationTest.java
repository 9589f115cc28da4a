package io.supplyline.command.reconciliation;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.receivedStock;
import static io.supplyline.command.ApiMother.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.supplyline.command.axon.AxonConfiguration;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.deploy.kafka.TopicReader;
import io.supplyline.events.EventTopic;

/** Store against topic: a gap while the relay is stopped shows and closes; doubles and strangers show. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class ReconciliationTest {

    @Inject
    AxonConfiguration axon;

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
        EventProcessor relay = axon.eventProcessing().eventProcessor(AxonConfiguration.RELAY).orElseThrow();
        relay.shutDown();
        String item;
        try {
            item = received(3);
            auditor().queryParam("aggregateId", item).get("/audit/reconciliation")
                    .then().statusCode(200)
                    .body("consistent", equalTo(false))
                    .body("storedEvents", equalTo(3))
                    .body("missingFromTopic", equalTo(3))
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
        given().get("/q/metrics").then().statusCode(200)
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
