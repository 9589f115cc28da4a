package io.supplyline.query.admin;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Quantity;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.query.EventTopicWriter;
import io.supplyline.query.engine.ProjectionEngine;
import io.supplyline.query.projection.ProjectionNames;

/** Each projection: applying or not, its position in the topic, and how far behind it is. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class ProjectionAdminTest {

    /** Metrics are on the management interface, not on the API port. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private static final EventTopicWriter TOPIC = new EventTopicWriter();

    @Inject
    ProjectionEngine engine;

    @AfterAll
    static void closeTopic() {
        TOPIC.close();
    }

    private static RequestSpecification admin() {
        return given().auth().basic("admin", "admin");
    }

    private static String stockLevels(String field) {
        return "find { it.name == '" + ProjectionNames.STOCK_LEVELS + "' }." + field;
    }

    @Test
    void aSuspendedEngineShowsTheLagAndCatchesUpWhenResumed() throws InterruptedException {
        StockItemId item = StockItemId.of("ADM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "SKU-1");
        engine.suspend();
        try {
            for (int sequence = 0; sequence < 3; sequence++) {
                TOPIC.publish("StockItem", item.aggregateId(), sequence, new StockReceived(item, Quantity.of(1), "DN"));
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> admin().get("/admin/projections")
                    .then().statusCode(200)
                    .body("name", hasItems(ProjectionNames.STOCK_LEVELS, "orders", "alerts"))
                    .body(stockLevels("running"), equalTo(false))
                    .body(stockLevels("lagEvents"), greaterThanOrEqualTo(3)));
        } finally {
            engine.resume();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> admin().get("/admin/projections")
                .then().statusCode(200)
                .body(stockLevels("running"), equalTo(true))
                .body(stockLevels("lagEvents"), equalTo(0))
                .body(stockLevels("lagMillis"), equalTo(0))
                .body(stockLevels("eventsPerSecond"), greaterThan(0f))
                .body(stockLevels("lastEventAt"), notNullValue())
                .body(stockLevels("positions.size()"), greaterThan(0)));
        given().get(metrics).then().statusCode(200)
                .body(containsString("supplyline_projection_lag_events{projection=\"stock-levels\"} 0.0"));
    }

    @Test
    void onlyAdminsSeeTheProjections() {
        given().get("/admin/projections").then().statusCode(401);
        given().auth().basic("analyst", "analyst").get("/admin/projections").then().statusCode(403);
        given().auth().basic("auditor", "auditor").get("/admin/projections").then().statusCode(403);
    }
}
