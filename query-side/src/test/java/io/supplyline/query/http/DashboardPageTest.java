package io.supplyline.query.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/** The dashboard page and its assets are for analysts only, like the data they show. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class DashboardPageTest {

    @Test
    void analystsGetTheDashboardOthersDoNot() {
        given().auth().basic("analyst", "analyst").get("/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .body(containsString("<script src=\"dashboard.js\">"));
        given().auth().basic("analyst", "analyst").get("/dashboard.js")
                .then().statusCode(200).body(containsString("new EventSource(\"/stream\")"));
        given().get("/").then().statusCode(401);
        given().auth().basic("operator", "operator").get("/dashboard.js").then().statusCode(403);
        given().auth().basic("analyst", "analyst").get("/toolkit.js").then().statusCode(200);
        given().auth().basic("operator", "operator").get("/toolkit.js").then().statusCode(403);
    }
}
