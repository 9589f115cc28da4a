package io.supplyline.query.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/** Health and API docs answer without credentials; readiness covers the database and Kafka. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class OperationsEndpointsTest {

    /** Health is on the management interface, not on the API port. */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @Test
    void readinessChecksTheDatabaseAndKafkaIsAWellnessCheck() {
        // Reads are served from the database while Kafka is away (only staler), so readiness does not ask Kafka.
        given().when().get(health + "/ready").then().statusCode(200)
                .body("checks.name", hasItems("Database connections health check"))
                .body("checks.name", not(hasItems("kafka")));
        given().when().get(health + "/well").then().statusCode(200)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"));
        // Not on the port clients and load balancers reach.
        given().when().get("/q/health").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheQueryApi() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/stock-levels/{warehouse}/{sku}"));
    }
}
