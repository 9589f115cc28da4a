package io.supplyline.query.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Quantity;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.query.EventTopicWriter;
import io.supplyline.query.engine.DeadLetterQueues;
import io.supplyline.query.projection.ProjectionNames;

/**
 * A newer command side, during a rolling upgrade, publishes an event of a type this query side does not
 * know. Every projection parks it, with the reason, rather than pass over it: the aggregate's later
 * events wait behind it (applying them without it could be wrong), other aggregates flow on, and
 * {@code supplyline_events_unknown_total} says so.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class UnknownEventTypeTest {

    private static final EventTopicWriter TOPIC = new EventTopicWriter();
    private static final String NEWER_TYPE = "io.supplyline.events.inventory.StockRecounted";

    @Inject
    DeadLetterQueues deadLetters;

    @Inject
    MeterRegistry registry;

    @AfterAll
    static void closeTopic() {
        TOPIC.close();
    }

    private static RequestSpecification admin() {
        return given().auth().basic("admin", "admin");
    }

    private double unknownCount(String projection) {
        Counter counter = registry.find("supplyline.events.unknown").tag("projection", projection).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The letters of one aggregate, by projection: {projection: [letter, ...]} in their parked order. */
    private static Map<String, List<Map<String, Object>>> lettersOf(String sequence) {
        List<Map<String, Object>> letters = admin().get("/admin/dead-letters").then().statusCode(200).extract()
                .path("findAll { it.sequence == '" + sequence + "' }");
        return letters.stream().collect(Collectors.groupingBy(letter -> (String) letter.get("projection")));
    }

    @Test
    void anEventOfAnUnknownTypeIsParkedInEveryProjectionWithItsReasonAndCounted() {
        Map<String, Double> countsBefore = deadLetters.queues().keySet().stream()
                .collect(Collectors.toMap(Function.identity(), this::unknownCount));
        StockItemId item = StockItemId.of("NEW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "SKU-1");
        String sequence = item.aggregateId();
        TOPIC.publish("StockItem", sequence, 0, new StockReceived(item, Quantity.of(5), "DN"));
        TOPIC.publishUnknown("StockItem", sequence, 1, NEWER_TYPE,
                "{\"stockItemId\":{\"warehouse\":\"" + item.warehouse().value() + "\",\"sku\":\"SKU-1\"},\"counted\":4}");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(lettersOf(sequence)).containsOnlyKeys(deadLetters.queues().keySet()));
        lettersOf(sequence).forEach((projection, letters) -> assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.get("eventType")).isEqualTo("StockRecounted");
            assertThat(letter.get("aggregateSequenceNumber")).isEqualTo(1);
            assertThat((String) letter.get("cause")).contains("UnknownEventType").contains(NEWER_TYPE);
        }));
        countsBefore.forEach((projection, before) -> assertThat(unknownCount(projection))
                .as("unknown events parked by %s", projection).isEqualTo(before + 1));

        // The aggregate's next event waits behind it; another aggregate's events flow on.
        TOPIC.publish("StockItem", sequence, 2, new StockReceived(item, Quantity.of(1), "DN"));
        StockItemId other = StockItemId.of("NEW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "SKU-1");
        TOPIC.publish("StockItem", other.aggregateId(), 0, new StockReceived(other, Quantity.of(9), "DN"));
        given().auth().basic("analyst", "analyst").header("X-Read-After", other.aggregateId() + "@0")
                .get("/stock-levels/{w}/{s}", other.warehouse().value(), other.sku().value())
                .then().statusCode(200).body("onHand", equalTo(9));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(lettersOf(sequence).get(ProjectionNames.STOCK_LEVELS))
                        .extracting(letter -> letter.get("aggregateSequenceNumber")).containsExactly(1, 2));
        given().auth().basic("analyst", "analyst")
                .get("/stock-levels/{w}/{s}", item.warehouse().value(), item.sku().value())
                .then().statusCode(200).body("onHand", equalTo(5));

        // Still unknown, a retry leaves it parked and says why.
        String id = (String) lettersOf(sequence).get(ProjectionNames.STOCK_LEVELS).get(0).get("id");
        admin().post("/admin/dead-letters/{id}/retry", id).then().statusCode(200)
                .body("applied", equalTo(0))
                .body("stillParked", equalTo(2));
        lettersOf(sequence).values().forEach(letters ->
                admin().delete("/admin/dead-letters/{id}", letters.get(0).get("id")).then().statusCode(200));
    }
}
