package io.supplyline.command.http;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.registerProduct;
import static io.supplyline.command.ApiMother.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/** Commands sent over HTTP are counted and timed by command and outcome at /q/metrics. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class CommandMetricsTest {

    /** Metrics are on the management interface, not on the API port. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private String metrics() {
        return given().get(metrics).then().statusCode(200).extract().asString();
    }

    private static double count(String metrics, String command, String outcome) {
        Matcher line = Pattern.compile("^supplyline_commands_seconds_count\\{command=\"" + command + "\",outcome=\""
                + outcome + "\"} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    @Test
    void anAcceptedAndARefusedRegistrationAreCountedApart() {
        String before = metrics();
        String sku = unique("SKU");
        registerProduct(sku);
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "name", "Again", "unitOfMeasure", "EA", "reorderPoint", 1, "reorderQuantity", 1))
                .when().post("/products")
                .then().statusCode(409);
        String after = metrics();

        assertThat(count(after, "RegisterProduct", "accepted")).isEqualTo(count(before, "RegisterProduct", "accepted") + 1);
        assertThat(count(after, "RegisterProduct", "refused")).isEqualTo(count(before, "RegisterProduct", "refused") + 1);
        // A histogram, so that percentiles can be taken over all instances.
        assertThat(after).contains("supplyline_commands_seconds_bucket{command=\"RegisterProduct\",outcome=\"accepted\",le=");
    }
}
