package io.supplyline.command.http;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.registerProduct;
import static io.supplyline.command.ApiMother.registerWarehouse;
import static io.supplyline.command.ApiMother.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.supplyline.command.EventStoreRows;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/** Customer orders over HTTP, checked in the event store. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class SalesOrderApiTest {

    @Inject
    EventStoreRows eventStore;

    private static RequestSpecification operator() {
        return given().auth().basic("operator", "operator").contentType(ContentType.JSON);
    }

    private static Map<String, Object> order(String warehouse, String sku, int quantity) {
        return Map.of("customer", "Bauhaus KG", "warehouse", warehouse, "requestedDeliveryDate", "2026-12-03",
                "lines", List.of(Map.of("sku", sku, "quantity", quantity)));
    }

    @Test
    void anOrderIsPlacedAndCancelledOnce() {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        registerWarehouse(warehouse);
        registerProduct(sku);
        String id = operator().body(order(warehouse, sku, 5)).post("/orders")
                .then().statusCode(201).body("id", startsWith("order:")).body("version", equalTo(0))
                .extract().path("id");
        // Nothing is in stock: the fulfilment process backorders the order.
        await().untilAsserted(() -> assertThat(eventStore.eventTypes(id)).containsExactly("OrderPlaced", "OrderBackordered"));
        operator().body(Map.of("reason", "customer changed plans"))
                .post("/orders/{id}/cancellation", id).then().statusCode(200).body("version", equalTo(2));
        operator().body(Map.of("reason", "again"))
                // The bare UUID names the order too.
                .post("/orders/{id}/cancellation", id.substring("order:".length())).then().statusCode(422)
                .body("code", equalTo("ORDER_ALREADY_CANCELLED"));
        assertThat(eventStore.eventTypes(id)).containsExactly("OrderPlaced", "OrderBackordered", "OrderCancelled");
    }

    @Test
    void anOrderForAnUnknownProductIsNotFound() {
        String warehouse = unique("WH");
        registerWarehouse(warehouse);
        operator().body(order(warehouse, unique("NOPE"), 5)).post("/orders")
                .then().statusCode(404).body("code", equalTo("UNKNOWN_PRODUCT"));
    }

    @Test
    void anOrderNeedsACustomerAndPositiveQuantities() {
        operator().body(Map.of("warehouse", "BER-1", "requestedDeliveryDate", "2026-12-03",
                        "lines", List.of(Map.of("sku", "BOLT", "quantity", 0))))
                .post("/orders").then().statusCode(400)
                .body("errors.field", hasItem("customer"))
                .body("errors.field", hasItem("lines[0].quantity"));
    }
}
