package io.supplyline.command.http;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.registerProduct;
import static io.supplyline.command.ApiMother.registerWarehouse;
import static io.supplyline.command.ApiMother.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.supplyline.command.EventStoreRows;
import io.supplyline.command.idempotency.IdempotencyRetention;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/**
 * The commands that create an aggregate under an id the command side chooses (orders, purchase
 * orders, shipments) can be retried with their Idempotency-Key: the retry gets the first answer,
 * Location included, and the event store holds one aggregate.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class IdempotentCreationTest {

    @Inject
    EventStoreRows eventStore;

    @Inject
    IdempotencyRetention retention;

    private static RequestSpecification operator(String key) {
        return given().auth().basic("operator", "operator").contentType(ContentType.JSON).header("Idempotency-Key", key);
    }

    private static Map<String, Object> salesOrder(String warehouse, String sku, int quantity) {
        return Map.of("customer", "Bauhaus KG", "warehouse", warehouse, "requestedDeliveryDate", "2026-12-03",
                "lines", List.of(Map.of("sku", sku, "quantity", quantity)));
    }

    /** Sends the creation twice with one key, checks both answers are the same and returns the id. */
    private String createTwice(String path, String aggregateType, String prefix, Object body) {
        String key = unique("create");
        long before = eventStore.aggregates(aggregateType);
        Response first = operator(key).body(body).post(path);
        first.then().statusCode(201).body("id", startsWith(prefix)).body("version", equalTo(0));
        String id = first.path("id");
        assertThat(first.header("Location")).endsWith(path + "/" + id);
        operator(key).body(body).post(path).then().statusCode(201)
                .body("id", equalTo(id)).body("version", equalTo(0))
                .header("ETag", "\"0\"").header("Location", first.header("Location"));
        assertThat(eventStore.aggregates(aggregateType)).isEqualTo(before + 1);
        assertThat(eventStore.eventTypes(id)).first().isNotNull();
        return id;
    }

    @Test
    void aRetriedOrderPlacementAnswersTheFirstOrderAndPlacesOne() {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        registerWarehouse(warehouse);
        registerProduct(sku);
        String order = createTwice("/orders", "SalesOrder", "order:", salesOrder(warehouse, sku, 5));
        assertThat(eventStore.eventTypes(order)).first().isEqualTo("OrderPlaced");
    }

    @Test
    void aRetriedPurchaseOrderAnswersTheFirstAndPlacesOne() {
        String supplier = unique("SUP");
        String warehouse = unique("WH");
        String sku = unique("SKU");
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("code", supplier, "name", "Acme", "leadTimeDays", 7)).post("/suppliers").then().statusCode(201);
        registerWarehouse(warehouse);
        registerProduct(sku);
        String po = createTwice("/purchase-orders", "PurchaseOrder", "purchase-order:", Map.of("supplier", supplier,
                "warehouse", warehouse, "expectedDeliveryDate", "2026-12-15", "lines", List.of(Map.of("sku", sku,
                        "quantity", 10, "unitPrice", Map.of("amount", "1.00", "currency", "EUR")))));
        assertThat(eventStore.eventTypes(po)).containsExactly("PurchaseOrderPlaced");
    }

    @Test
    void aRetriedShipmentAnswersTheFirstAndCreatesOne() {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        registerWarehouse(warehouse);
        registerProduct(sku);
        given().auth().basic("operator", "operator").contentType(ContentType.JSON).body(Map.of("quantity", 10))
                .post("/stock/{w}/{s}/receipts", warehouse, sku).then().statusCode(200);
        String order = given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(salesOrder(warehouse, sku, 2)).post("/orders").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> eventStore.eventTypes(order).contains("OrderAllocated"));
        String shipment = createTwice("/shipments", "Shipment", "shipment:", Map.of("orderId", order, "carrier", "DHL",
                "trackingNumber", "JD0001", "promisedDeliveryDate", "2026-12-03"));
        assertThat(eventStore.eventTypes(shipment)).containsExactly("ShipmentCreated");
    }

    @Test
    void theSameKeyWithAnotherOrderIsRefusedAndPlacesNothing() {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        registerWarehouse(warehouse);
        registerProduct(sku);
        String key = unique("other-body");
        operator(key).body(salesOrder(warehouse, sku, 5)).post("/orders").then().statusCode(201);
        long before = eventStore.aggregates("SalesOrder");
        operator(key).body(salesOrder(warehouse, sku, 6)).post("/orders").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(eventStore.aggregates("SalesOrder")).isEqualTo(before);
    }

    @Test
    void aKeyOlderThanTheRetentionIsForgottenAndCleanedUp() {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        registerWarehouse(warehouse);
        registerProduct(sku);
        String key = unique("old");
        Map<String, Object> receipt = Map.of("quantity", 3);
        operator(key).body(receipt).post("/stock/{w}/{s}/receipts", warehouse, sku).then().statusCode(200)
                .body("version", equalTo(0));
        // Eight days pass (the default retention is seven).
        assertThat(eventStore.tamper("UPDATE idempotent_request SET recorded_at = ? WHERE idempotency_key = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(8))), key)).isEqualTo(1);
        assertThat(retention.forgetExpired()).isGreaterThanOrEqualTo(1);
        assertThat(eventStore.tamper("DELETE FROM idempotent_request WHERE idempotency_key = ?", key)).isZero();
        operator(key).body(receipt).post("/stock/{w}/{s}/receipts", warehouse, sku).then().statusCode(200)
                .body("version", equalTo(1));
    }

    @Test
    void aCallerWithAVeryLongNameCanUseIdempotencyKeys() {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        registerWarehouse(warehouse);
        registerProduct(sku);
        String principal = "service-account-" + "x".repeat(600) + "@example.com";
        String token = Jwt.issuer("supplyline-test").audience("supplyline-test").upn(principal).groups(Set.of("operator"))
                .expiresAt(Instant.now().plusSeconds(300)).sign("jwt/test-private.pem");
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "long-name")
                    .body(Map.of("quantity", 4)).post("/stock/{w}/{s}/receipts", warehouse, sku)
                    .then().statusCode(200).body("version", equalTo(0));
        }
        assertThat(eventStore.count("stock:" + warehouse + ":" + sku)).isEqualTo(1);
    }
}
