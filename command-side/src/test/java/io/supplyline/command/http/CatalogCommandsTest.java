package io.supplyline.command.http;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.registerProduct;
import static io.supplyline.command.ApiMother.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import io.supplyline.deploy.kafka.TopicReader;
import io.supplyline.events.EventTopic;

/** Suppliers and the product lifecycle over HTTP, checked in the event store. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class CatalogCommandsTest {

    @Inject
    EventStoreRows eventStore;

    private static RequestSpecification operator() {
        return given().auth().basic("operator", "operator").contentType(ContentType.JSON);
    }

    @Test
    void aSupplierIsRegisteredSuspendedAndReinstated() {
        String code = unique("SUP");
        operator().body(Map.of("code", code, "name", "Acme Pallets", "leadTimeDays", 5))
                .post("/suppliers").then().statusCode(201).body("id", equalTo("supplier:" + code));
        operator().body(Map.of("code", code, "name", "Again", "leadTimeDays", 5))
                .post("/suppliers").then().statusCode(409).body("code", equalTo("SUPPLIER_ALREADY_REGISTERED"));
        operator().body(Map.of("reason", "late deliveries"))
                .post("/suppliers/{code}/suspension", code).then().statusCode(200).body("version", equalTo(1));
        operator().body(Map.of("reason", "still late"))
                .post("/suppliers/{code}/suspension", code).then().statusCode(422)
                .body("code", equalTo("SUPPLIER_ALREADY_SUSPENDED"));
        operator().post("/suppliers/{code}/reinstatement", code).then().statusCode(200).body("version", equalTo(2));
        assertThat(eventStore.count("supplier:" + code)).isEqualTo(3);
    }

    @Test
    void anUnknownSupplierCannotBeSuspended() {
        String code = unique("NOBODY");
        operator().body(Map.of("reason", "x"))
                .post("/suppliers/{code}/suspension", code).then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("UNKNOWN_AGGREGATE"));
        assertThat(eventStore.count("supplier:" + code)).isZero();
    }

    @Test
    void aSupplierNeedsALeadTime() {
        operator().body(Map.of("code", unique("SUP"), "name", "No lead time"))
                .post("/suppliers").then().statusCode(400).body("errors[0].field", equalTo("leadTimeDays"));
    }

    @Test
    void aProductStoredUnderTheFirstSchemaStillLoadsAndIsPublishedInTheCurrentOne() {
        String sku = unique("OLD");
        eventStore.insertRaw("Product", "product:" + sku, 0, "io.supplyline.events.catalog.ProductRegistered", "1",
                "{\"sku\":\"" + sku + "\",\"name\":\"Legacy\",\"unitOfMeasure\":\"EA\",\"reorderPoint\":3,"
                        + "\"reorderQuantity\":9}");
        operator().body(Map.of("reorderPoint", 4, "reorderQuantity", 12))
                .post("/products/{sku}/reorder-policy", sku).then().statusCode(200).body("version", equalTo(1));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var published = TopicReader.readAll(KafkaBrokerTestResource.bootstrapServers(), EventTopic.NAME).stream()
                    .filter(r -> ("product:" + sku).equals(r.key())).toList();
            assertThat(published).hasSize(2);
            var registered = published.get(0);
            String revision = new String(registered.headers().lastHeader("axon-message-revision").value(),
                    StandardCharsets.UTF_8);
            assertThat(revision).isEqualTo("2");
            assertThat(new String(registered.value(), StandardCharsets.UTF_8))
                    .contains("\"reorderPolicy\":{\"reorderPoint\":3,\"reorderQuantity\":9}");
        });
    }

    @Test
    void aProductsPolicyChangesUntilItIsDiscontinued() {
        String sku = unique("SKU");
        registerProduct(sku);
        operator().body(Map.of("reorderPoint", 5, "reorderQuantity", 40))
                .post("/products/{sku}/reorder-policy", sku).then().statusCode(200).body("version", equalTo(1));
        operator().body(Map.of("reason", "end of life"))
                .post("/products/{sku}/discontinuation", sku).then().statusCode(200).body("version", equalTo(2));
        operator().body(Map.of("reorderPoint", 1, "reorderQuantity", 1))
                .post("/products/{sku}/reorder-policy", sku).then().statusCode(422)
                .body("code", equalTo("PRODUCT_DISCONTINUED"));
        assertThat(eventStore.count("product:" + sku)).isEqualTo(3);
    }
}
