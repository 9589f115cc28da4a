package io.supplyline.command.feeds;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.registerProduct;
import static io.supplyline.command.feeds.FeedTopics.header;
import static io.supplyline.command.ApiMother.registerWarehouse;
import static io.supplyline.command.ApiMother.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.supplyline.command.EventStoreRows;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.deploy.kafka.TopicReader;
import io.supplyline.events.EventTopic;

/**
 * Carrier tracking events from supplychain.inbound.tracking, through the real broker and PostgreSQL: applied as
 * the HTTP API's shipment commands, once per record however often it is delivered, and refused records on the
 * rejected topic with their reason while the feed moves on.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class TrackingFeedTest {

    private static final String TRACKING = "supplychain.inbound.tracking";

    @Inject
    EventStoreRows eventStore;

    @Inject
    Feeds feeds;

    @Inject
    MeterRegistry meters;

    @Test
    void trackingEventsByNumberOrIdBecomeTheShipmentsCommandsWithTheFeedAsPrincipal() {
        Shipment shipment = newShipment();
        publish(shipment.trackingNumber(), """
                {"trackingNumber": "%s", "carrier": "DHL", "status": "PICKED_UP", "at": "2026-12-01T08:00:00Z"}"""
                .formatted(shipment.trackingNumber()));
        // Keyed alike, so that they stay in order; the body may name the shipment either way.
        publish(shipment.trackingNumber(), """
                {"shipmentId": "%s", "status": "CHECKPOINT", "at": "2026-12-01T12:00:00Z", "location": "Hub Kassel"}"""
                .formatted(shipment.id()));
        publish(shipment.trackingNumber(), """
                {"trackingNumber": "%s", "status": "DELAYED", "newEta": "2026-12-09", "reason": "Storm"}"""
                .formatted(shipment.trackingNumber()));
        publish(shipment.trackingNumber(), """
                {"trackingNumber": "%s", "status": "DELIVERED", "at": "2026-12-09T10:00:00Z", "receivedBy": "Gate 3"}"""
                .formatted(shipment.trackingNumber()));

        awaitEvents(shipment.id(), "ShipmentCreated", "ShipmentDispatched", "ShipmentCheckpointRecorded",
                "ShipmentDelayed", "ShipmentDelivered");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> published = TopicReader.readAll(KafkaBrokerTestResource.bootstrapServers(),
                    EventTopic.NAME).stream().filter(record -> shipment.id().equals(record.key())).toList();
            assertThat(published).hasSize(5);
            assertThat(published.subList(1, 5)).allSatisfy(record -> {
                assertThat(header(record, "axon-metadata-principal")).isEqualTo("feed:tracking");
                assertThat(header(record, "axon-metadata-sourceRecord")).startsWith(TRACKING + "/");
            });
        });
    }

    @Test
    void theSameRecordTwiceAndAFeedRestartedFromOffsetZeroApplyEachCommandOnceAndRefuseWhatTheyRefused() throws Exception {
        Shipment shipment = newShipment();
        // Refused now (not dispatched yet); delivered again after the dispatch below, it must stay refused.
        publish(shipment.id(), """
                {"shipmentId": "%s", "status": "DELIVERED", "at": "2026-12-02T08:00:00Z", "receivedBy": "Gate 1"}"""
                .formatted(shipment.id()));
        String checkpoint = """
                {"recordId": "%s", "shipmentId": "%s", "status": "CHECKPOINT", "at": "2026-12-01T12:00:00Z",
                 "location": "Hub Kassel"}""".formatted(unique("carrier-event"), shipment.id());
        publish(shipment.id(), """
                {"shipmentId": "%s", "status": "PICKED_UP", "at": "2026-12-01T08:00:00Z"}""".formatted(shipment.id()));
        publish(shipment.id(), checkpoint);
        publish(shipment.id(), checkpoint);
        String marker = newShipment().id();
        publish(marker, """
                {"shipmentId": "%s", "status": "PICKED_UP", "at": "2026-12-01T08:00:00Z"}""".formatted(marker));
        awaitEvents(marker, "ShipmentCreated", "ShipmentDispatched");
        assertThat(eventStore.eventTypes(shipment.id()))
                .containsExactly("ShipmentCreated", "ShipmentDispatched", "ShipmentCheckpointRecorded");

        feeds.stop(null);
        FeedTopics.rewind("supplyline-feed-tracking", TRACKING);
        feeds.start(null);
        String second = newShipment().id();
        publish(second, """
                {"shipmentId": "%s", "status": "PICKED_UP", "at": "2026-12-01T08:00:00Z"}""".formatted(second));
        awaitEvents(second, "ShipmentCreated", "ShipmentDispatched");
        assertThat(eventStore.eventTypes(shipment.id()))
                .containsExactly("ShipmentCreated", "ShipmentDispatched", "ShipmentCheckpointRecorded");
        assertThat(eventStore.eventTypes(marker)).containsExactly("ShipmentCreated", "ShipmentDispatched");
    }

    @Test
    void malformedAndRefusedRecordsGoToTheRejectedTopicWithTheirReasonAndTheFeedMovesOn() {
        Shipment shipment = newShipment();
        String malformed = unique("not-json {");
        String missingStatus = """
                {"shipmentId": "%s", "at": "2026-12-01T08:00:00Z", "note": "%s"}""".formatted(shipment.id(), unique("n"));
        String unknownNumber = """
                {"trackingNumber": "%s", "status": "PICKED_UP", "at": "2026-12-01T08:00:00Z"}""".formatted(unique("NONE"));
        String deliveredFirst = """
                {"shipmentId": "%s", "status": "DELIVERED", "at": "2026-12-01T08:00:00Z", "receivedBy": "%s"}"""
                .formatted(shipment.id(), unique("Gate"));
        String controlCharacter = """
                {"shipmentId": "%s", "status": "CHECKPOINT", "at": "2026-12-01T08:00:00Z", "location": "Hub\\u0000%s"}"""
                .formatted(shipment.id(), unique("K"));
        for (String value : List.of(malformed, missingStatus, unknownNumber, deliveredFirst, controlCharacter)) {
            publish(shipment.id(), value);
        }
        publish(shipment.id(), """
                {"shipmentId": "%s", "status": "PICKED_UP", "at": "2026-12-01T08:00:00Z"}""".formatted(shipment.id()));

        awaitEvents(shipment.id(), "ShipmentCreated", "ShipmentDispatched");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, ConsumerRecord<String, byte[]>> rejected = FeedTopics.rejectedByValue();
            assertThat(header(rejected.get(malformed), RejectedRecords.CODE)).isEqualTo("MALFORMED_RECORD");
            assertThat(header(rejected.get(missingStatus), RejectedRecords.CODE)).isEqualTo("SCHEMA_VIOLATION");
            assertThat(header(rejected.get(missingStatus), RejectedRecords.DETAIL)).contains("status");
            assertThat(header(rejected.get(unknownNumber), RejectedRecords.CODE)).isEqualTo("UNKNOWN_TRACKING_NUMBER");
            assertThat(header(rejected.get(deliveredFirst), RejectedRecords.CODE)).isEqualTo("SHIPMENT_NOT_DISPATCHED");
            assertThat(header(rejected.get(controlCharacter), RejectedRecords.CODE)).isEqualTo("INVALID_INPUT");
            assertThat(header(rejected.get(controlCharacter), RejectedRecords.DETAIL)).contains("location");
            ConsumerRecord<String, byte[]> original = rejected.get(deliveredFirst);
            assertThat(original.key()).isEqualTo(shipment.id());
            assertThat(header(original, "X-Correlation-Id")).isEqualTo(FeedTopics.CORRELATION_ID);
            assertThat(header(original, RejectedRecords.SOURCE_TOPIC)).isEqualTo(TRACKING);
            assertThat(header(original, RejectedRecords.SOURCE_OFFSET)).matches("\\d+");
        });
    }

    @Test
    void aDatabaseOutageInTheMiddleOfTheFeedSkipsNothingAndDoublesNothing() throws Exception {
        List<Shipment> shipments = java.util.stream.IntStream.range(0, 6).mapToObj(i -> newShipment()).toList();
        double retriesBefore = meters.counter("supplyline.feed.retries", "feed", "tracking").count();
        try (FeedTopics.Outage outage = FeedTopics.closeDatabase()) {
            for (Shipment shipment : shipments) {
                publish(shipment.trackingNumber(), """
                        {"trackingNumber": "%s", "status": "PICKED_UP", "at": "2026-12-01T08:00:00Z"}"""
                        .formatted(shipment.trackingNumber()));
                publish(shipment.trackingNumber(), """
                        {"shipmentId": "%s", "status": "CHECKPOINT", "at": "2026-12-01T12:00:00Z", "location": "Hub"}"""
                        .formatted(shipment.id()));
            }
            await().atMost(Duration.ofSeconds(20)).until(
                    () -> meters.counter("supplyline.feed.retries", "feed", "tracking").count() > retriesBefore);
        }
        for (Shipment shipment : shipments) {
            awaitEvents(shipment.id(), "ShipmentCreated", "ShipmentDispatched", "ShipmentCheckpointRecorded");
        }
    }

    private record Shipment(String id, String trackingNumber) {
    }

    /** An allocated order's shipment, with a tracking number of its own. */
    private static Shipment newShipment() {
        String warehouse = unique("WH");
        String sku = unique("TRK");
        registerWarehouse(warehouse);
        registerProduct(sku);
        operator().body(Map.of("quantity", 10)).post("/stock/{w}/{s}/receipts", warehouse, sku).then().statusCode(200);
        String order = operator().body(Map.of("customer", "Bauhaus KG", "warehouse", warehouse,
                        "requestedDeliveryDate", "2026-12-03", "lines", List.of(Map.of("sku", sku, "quantity", 2))))
                .post("/orders").then().statusCode(201).extract().path("id");
        String trackingNumber = unique("JD");
        String id = await().atMost(Duration.ofSeconds(20)).until(() -> operator()
                .body(Map.of("orderId", order, "carrier", "DHL", "trackingNumber", trackingNumber,
                        "promisedDeliveryDate", "2026-12-03"))
                .post("/shipments").then().extract().path("id"), created -> created != null);
        return new Shipment(id, trackingNumber);
    }

    private static RequestSpecification operator() {
        return given().auth().basic("operator", "operator").contentType(ContentType.JSON);
    }

    private static void publish(String key, String value) {
        FeedTopics.publish(TRACKING, key, value);
    }

    private void awaitEvents(String aggregateId, String... types) {
        // Ignoring the pool's connections that an outage above dropped.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(IllegalStateException.class)
                .untilAsserted(() -> assertThat(eventStore.eventTypes(aggregateId)).containsExactly(types));
    }

}
