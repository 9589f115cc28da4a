package io.supplyline.query.stock;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Quantity;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.inventory.StockReserved;
import io.supplyline.query.EventTopicWriter;

/** The stock network as of an instant: the stock projection's own handlers over the events up to then. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class StockAsOfTest {

    private static final EventTopicWriter TOPIC = new EventTopicWriter();
    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");

    @AfterAll
    static void closeTopic() {
        TOPIC.close();
    }

    private static RequestSpecification auditor() {
        return given().auth().basic("auditor", "auditor");
    }

    private static String item(StockItemId item, String field) {
        return "items.find { it.warehouse == '" + item.warehouse().value() + "' }." + field;
    }

    @Test
    void eachInstantShowsTheLevelsOfThatInstant() {
        StockItemId item = StockItemId.of("ASOF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "SKU-1");
        TOPIC.publishAt("StockItem", item.aggregateId(), 0, new StockReceived(item, Quantity.of(10), "DN-1"), MONDAY);
        TOPIC.publishAt("StockItem", item.aggregateId(), 1, new StockReceived(item, Quantity.of(5), "DN-2"),
                MONDAY.plusSeconds(3600));
        TOPIC.publishAt("StockItem", item.aggregateId(), 2, new StockReserved(item, "order-1/1", Quantity.of(3)),
                MONDAY.plusSeconds(7200));
        given().auth().basic("analyst", "analyst").header("X-Read-After", item.aggregateId() + "@2")
                .get("/stock-levels/{w}/{s}", item.warehouse().value(), item.sku().value())
                .then().statusCode(200).body("reserved", equalTo(3));

        auditor().queryParam("asOf", MONDAY.plusSeconds(5400).toString()).get("/audit/stock-levels")
                .then().statusCode(200)
                .body("asOf", equalTo("2026-11-23T09:30:00Z"))
                .body("eventsApplied", greaterThanOrEqualTo(2))
                .body(item(item, "onHand"), equalTo(15))
                .body(item(item, "reserved"), equalTo(0))
                .body(item(item, "version"), equalTo(1));
        auditor().queryParam("asOf", MONDAY.plusSeconds(7200).toString()).get("/audit/stock-levels")
                .then().statusCode(200)
                .body(item(item, "available"), equalTo(12))
                .body(item(item, "version"), equalTo(2));
        auditor().queryParam("asOf", MONDAY.minusSeconds(1).toString()).get("/audit/stock-levels")
                .then().statusCode(200)
                .body("items.findAll { it.warehouse == '" + item.warehouse().value() + "' }", empty());
    }

    @Test
    void theInstantIsRequiredAndAuditorsOnlyMayAsk() {
        auditor().get("/audit/stock-levels").then().statusCode(400).body("errors.field", contains("asOf"));
        auditor().queryParam("asOf", "yesterday").get("/audit/stock-levels").then().statusCode(400);
        given().get("/audit/stock-levels?asOf=2026-11-23T08:00:00Z").then().statusCode(401);
        given().auth().basic("analyst", "analyst").get("/audit/stock-levels?asOf=2026-11-23T08:00:00Z")
                .then().statusCode(403);
    }
}
