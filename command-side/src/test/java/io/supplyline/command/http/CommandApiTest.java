package io.supplyline.command.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static io.supplyline.command.ApiMother.registerProduct;
import static io.supplyline.command.ApiMother.registerWarehouse;
import static io.supplyline.command.ApiMother.unique;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supplyline.command.EventStoreRows;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;

/** The command API over HTTP against the real event store in PostgreSQL and a real Kafka broker. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class CommandApiTest {

    /** Health is on the management interface, not on the API port. */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @Inject
    EventStoreRows eventStore;

    @Test
    void registeringAProductAnswersItsIdAndFirstVersion() {
        String sku = unique("SKU");
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "name", "Euro pallet", "unitOfMeasure", "EA", "reorderPoint", 10,
                        "reorderQuantity", 50))
                .when().post("/products")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("id", equalTo("product:" + sku))
                .body("version", equalTo(0));
        assertThat(eventStore.count("product:" + sku)).isEqualTo(1);
    }

    @Test
    void registeringAnSkuTwiceIsAConflictAndAppendsNothing() {
        String sku = unique("SKU");
        registerProduct(sku);
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "name", "Other", "unitOfMeasure", "EA", "reorderPoint", 1,
                        "reorderQuantity", 1))
                .when().post("/products")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("PRODUCT_ALREADY_REGISTERED"));
        assertThat(eventStore.count("product:" + sku)).isEqualTo(1);
    }

    @Test
    void invalidFieldsAreNamedInTheProblem() {
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("sku", "no spaces allowed", "name", "", "unitOfMeasure", "EA", "reorderPoint", -1,
                        "reorderQuantity", 0))
                .when().post("/products")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_INPUT"))
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("sku", "name", "reorderPoint", "reorderQuantity"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body("{\"sku\": ")
                .when().post("/products")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void anUnknownAdjustmentReasonIsABadRequestNamingTheField() {
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("delta", 1, "reason", "THEFT_BY_ELVES"))
                .when().post("/stock/BER-1/SKU-1/adjustments")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
    }

    @Test
    void aFractionalQuantityIsRejectedNotTruncated() {
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body("{\"quantity\": 1.5}")
                .when().post("/stock/BER-1/SKU-1/receipts")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("quantity"));
    }

    @Test
    void aFieldTheEndpointDoesNotKnowIsNamedInTheProblem() {
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("quantity", 5, "referense", "typo"))
                .when().post("/stock/BER-1/SKU-1/receipts")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("referense"))
                .body("errors[0].message", equalTo("is not a field of this request"));
    }

    @Test
    void anOversizedBodyIsRefusedWithAProblem() {
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("quantity", 1, "reference", "x".repeat(100_000)))
                .when().post("/stock/BER-1/SKU-1/receipts")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        given().auth().basic("operator", "operator").contentType(ContentType.TEXT)
                .body("sku=ABC")
                .when().post("/products")
                .then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void receivingStockOfAnUnknownProductIsNotFoundAndAppendsNothing() {
        String warehouse = unique("WH");
        registerWarehouse(warehouse);
        String sku = unique("NOPE");
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("quantity", 5))
                .when().post("/stock/{warehouse}/{sku}/receipts", warehouse, sku)
                .then().statusCode(404)
                .body("code", equalTo("UNKNOWN_PRODUCT"));
        assertThat(eventStore.count("stock:" + warehouse + ":" + sku)).isZero();
    }

    @Test
    void receiptsAndAdjustmentsAnswerTheNewVersionAndOnHandNeverGoesNegative() {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        registerWarehouse(warehouse);
        registerProduct(sku);
        String item = "stock:" + warehouse + ":" + sku;
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("quantity", 30, "reference", "DN-77"))
                .when().post("/stock/{warehouse}/{sku}/receipts", warehouse, sku)
                .then().statusCode(200).body("id", equalTo(item)).body("version", equalTo(0));
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("delta", -12, "reason", "DAMAGE", "note", "water"))
                .when().post("/stock/{warehouse}/{sku}/adjustments", warehouse, sku)
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("delta", -19, "reason", "LOSS"))
                .when().post("/stock/{warehouse}/{sku}/adjustments", warehouse, sku)
                .then().statusCode(422)
                .body("code", equalTo("NEGATIVE_STOCK"))
                .body("title", equalTo("Unprocessable Content"));
        assertThat(eventStore.count(item)).isEqualTo(2);
    }

    @Test
    void aCountSetsOnHandToWhatWasCountedAndANegativeCountIsABadRequest() {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        registerWarehouse(warehouse);
        registerProduct(sku);
        given().auth().basic("operator", "operator").contentType(ContentType.JSON).body(Map.of("quantity", 30))
                .post("/stock/{warehouse}/{sku}/receipts", warehouse, sku).then().statusCode(200);
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("counted", 27, "note", "aisle 7"))
                .when().post("/stock/{warehouse}/{sku}/counts", warehouse, sku)
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("counted", -1))
                .when().post("/stock/{warehouse}/{sku}/counts", warehouse, sku)
                .then().statusCode(400).body("errors[0].field", equalTo("counted"));
        assertThat(eventStore.payloads("stock:" + warehouse + ":" + sku)).last().asString()
                .contains("\"delta\":-3").contains("Counted 27, 30 on record: aisle 7");
    }

    @Test
    void ifMatchAcceptsTheCurrentVersionAndRefusesAnOtherOne() {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        registerWarehouse(warehouse);
        registerProduct(sku);
        String etag = given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("quantity", 10))
                .post("/stock/{warehouse}/{sku}/receipts", warehouse, sku)
                .then().statusCode(200).extract().header("ETag");
        given().auth().basic("operator", "operator").contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("delta", -1, "reason", "LOSS"))
                .post("/stock/{warehouse}/{sku}/adjustments", warehouse, sku)
                .then().statusCode(200).header("ETag", "\"1\"");
        given().auth().basic("operator", "operator").contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("delta", -1, "reason", "LOSS"))
                .post("/stock/{warehouse}/{sku}/adjustments", warehouse, sku)
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("code", equalTo("VERSION_MISMATCH"));
        given().auth().basic("operator", "operator").contentType(ContentType.JSON).header("If-Match", "yesterday")
                .body(Map.of("quantity", 1))
                .post("/stock/{warehouse}/{sku}/receipts", warehouse, sku)
                .then().statusCode(400);
        assertThat(eventStore.count("stock:" + warehouse + ":" + sku)).isEqualTo(2);
    }

    @Test
    void commandsNeedCredentials() {
        List<String> challenges = given().contentType(ContentType.JSON).body(Map.of("quantity", 5))
                .when().post("/stock/BER-1/SKU-1/receipts")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .extract().headers().getValues("WWW-Authenticate");
        assertThat(challenges).containsExactly("Basic realm=\"supplyline\"", "Bearer realm=\"supplyline\"");
        given().auth().basic("operator", "wrong-password").contentType(ContentType.JSON).body(Map.of("quantity", 5))
                .when().post("/stock/BER-1/SKU-1/receipts")
                .then().statusCode(401);
    }

    @Test
    void analystsCannotSendCommands() {
        given().auth().basic("analyst", "analyst").contentType(ContentType.JSON).body(Map.of("quantity", 5))
                .when().post("/stock/BER-1/SKU-1/receipts")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void healthAndApiDocsNeedNoCredentials() {
        // Readiness is the database only: commands are accepted through a Kafka outage, so a load balancer
        // must not take the instance out then; Kafka's state is a wellness check.
        given().when().get(health + "/ready").then().statusCode(200)
                .body("checks.name", hasItems("Database connections health check"))
                .body("checks.name", not(hasItems("kafka")));
        given().when().get(health + "/well").then().statusCode(200)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"));
        given().when().get("/q/openapi").then().statusCode(200);
        // Not on the port clients and load balancers reach.
        given().when().get("/q/health").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }
}
