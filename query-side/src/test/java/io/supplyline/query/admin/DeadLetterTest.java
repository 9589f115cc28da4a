package io.supplyline.query.admin;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.PurchaseOrderCancelled;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.ReceivedLine;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.query.EventTopicWriter;

/**
 * A poisoned event: goods received on a purchase order the stock projection never saw placed (it
 * cannot tell which warehouse expects them). It is retried, then parked with the rest of its
 * aggregate's events, while other aggregates flow on; admins see, retry and evict it.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class DeadLetterTest {

    /** Metrics are on the management interface, not on the API port. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private static final EventTopicWriter TOPIC = new EventTopicWriter();

    @AfterAll
    static void closeTopic() {
        TOPIC.close();
    }

    private static RequestSpecification admin() {
        return given().auth().basic("admin", "admin");
    }

    private static String stockLevelsLetters(String order, String field) {
        return "findAll { it.projection == 'stock-levels' && it.sequence == '" + order + "' }." + field;
    }

    @Test
    void aPoisonedEventIsParkedWithItsAggregatesLaterEventsAndOthersFlowOn() {
        PurchaseOrderId order = PurchaseOrderId.random();
        String sequence = order.aggregateId();
        TOPIC.publish("PurchaseOrder", sequence, 3, new GoodsReceived(order, new WarehouseCode("DLQ-1"),
                List.of(new ReceivedLine(new Sku("DLQ-SKU"), Quantity.of(4)))));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                admin().get("/admin/dead-letters").then().statusCode(200)
                        .body(stockLevelsLetters(sequence, "eventType"), hasItem("GoodsReceived")));
        TOPIC.publish("PurchaseOrder", sequence, 4, new PurchaseOrderCancelled(order, "never placed"));
        StockItemId other = StockItemId.of("DLQ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "SKU-1");
        TOPIC.publish("StockItem", other.aggregateId(), 0, new StockReceived(other, Quantity.of(9), "DN"));

        // Another aggregate flows on; this one's next event waits behind the parked one.
        given().auth().basic("analyst", "analyst").header("X-Read-After", other.aggregateId() + "@0")
                .get("/stock-levels/{w}/{s}", other.warehouse().value(), other.sku().value())
                .then().statusCode(200).body("onHand", equalTo(9));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get("/admin/dead-letters").then()
                .body(stockLevelsLetters(sequence, "aggregateSequenceNumber"), equalTo(List.of(3, 4)))
                .body(stockLevelsLetters(sequence, "position"), equalTo(List.of(0, 1)))
                .body(stockLevelsLetters(sequence, "cause[0]"), notNullValue()));
        given().get(metrics).then().statusCode(200)
                .body(containsString("supplyline_dead_letters{projection=\"stock-levels\"}"));

        String first = admin().get("/admin/dead-letters").then().extract()
                .path("find { it.projection == 'stock-levels' && it.sequence == '" + sequence + "' && it.position == 0 }.id");
        admin().post("/admin/dead-letters/{id}/retry", first).then().statusCode(200)
                .body("applied", equalTo(0))
                .body("stillParked", equalTo(2))
                .body("cause", notNullValue());
        admin().get("/admin/dead-letters").then().body(stockLevelsLetters(sequence, "retries[0]"), equalTo(1));

        admin().delete("/admin/dead-letters/{id}", first).then().statusCode(200).body("evicted", equalTo(2));
        admin().get("/admin/dead-letters").then().body("sequence", not(hasItem(sequence)));
        // Evicted, the aggregate's next event is applied again.
        TOPIC.publish("PurchaseOrder", sequence, 5, new PurchaseOrderCancelled(order, "again"));
        given().auth().basic("analyst", "analyst").header("X-Read-After", sequence + "@5")
                .get("/stock-levels?size=1").then().statusCode(200);
    }

    /**
     * Text the database cannot store (a NUL, from an older command side or another producer): the
     * batch fails at its flush, the event is named and parked after that one attempt, and the
     * projection's other events are not held up behind the processor's growing back-off.
     */
    @Test
    void anEventTheDatabaseRefusesIsParkedAfterOneAttemptWhileOthersFlowOn() {
        SalesOrderId poisoned = SalesOrderId.random();
        SalesOrderId fine = SalesOrderId.random();
        List<OrderLine> lines = List.of(new OrderLine(new Sku("NUL-SKU"), Quantity.of(1)));
        TOPIC.publish("SalesOrder", poisoned.aggregateId(), 0, new OrderPlaced(poisoned, "Bau\u0000haus",
                new WarehouseCode("NUL-1"), LocalDate.of(2026, 12, 3), lines));
        TOPIC.publish("SalesOrder", fine.aggregateId(), 0, new OrderPlaced(fine, "Bauhaus",
                new WarehouseCode("NUL-1"), LocalDate.of(2026, 12, 3), lines));

        // Three attempts with Axon's doubling back-off in between held the board up for about 30 s.
        await().atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().basic("analyst", "analyst").get("/orders/{id}", fine.aggregateId())
                        .then().statusCode(200).body("customer", equalTo("Bauhaus")));
        String letters = "findAll { it.projection == 'orders' && it.sequence == '" + poisoned.aggregateId() + "' }.";
        admin().get("/admin/dead-letters").then().statusCode(200)
                .body(letters + "eventType", equalTo(List.of("OrderPlaced")))
                .body(letters + "cause[0]", containsString("0x00"));
    }

    @Test
    void onlyAdminsSeeDeadLetters() {
        given().get("/admin/dead-letters").then().statusCode(401);
        given().auth().basic("analyst", "analyst").get("/admin/dead-letters").then().statusCode(403);
        admin().post("/admin/dead-letters/{id}/retry", UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("UNKNOWN_DEAD_LETTER"));
    }
}
