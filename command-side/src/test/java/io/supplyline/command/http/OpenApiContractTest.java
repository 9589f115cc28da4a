package io.supplyline.command.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.support.http.Problem;

/**
 * The OpenAPI document this service serves is the one stored in docs/contract, so that every change
 * to the HTTP contract shows as a change to that file. Compared parsed: layout and key order do not
 * matter. To accept a change, run with {@code -Dcontract.update=true}: the test rewrites the file with
 * what the service serves; review the diff and commit it.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiContractTest {

    private static final Path STORED = Path.of(System.getProperty("contract.dir", "../docs/contract"),
            "openapi-command.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final int SHOWN = 10;

    @Test
    void theServedDocumentIsTheStoredContract() throws IOException {
        String served = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("contract.update")) {
            Files.writeString(STORED, served, StandardCharsets.UTF_8);
        }
        assertThat(STORED).as("the stored contract; create it with -Dcontract.update=true").exists();
        List<String> differences = new ArrayList<>();
        differences(YAML.readTree(Files.readString(STORED)), YAML.readTree(served), "", differences);
        assertThat(differences.size())
                .as("%s differs from the served document at %d places, first %s.%nIf the change is meant, run "
                        + "./mvnw -pl shared-events,service-support,command-side test -Dtest=OpenApiContractTest "
                        + "-Dsurefire.failIfNoSpecifiedTests=false -Dcontract.update=true, review the diff of %s and "
                        + "commit it", STORED, differences.size(),
                        differences.subList(0, Math.min(SHOWN, differences.size())), STORED)
                .isZero();
    }

    /** The Problem schema describes the record every error is written from, field for field. */
    @Test
    void theProblemSchemaHasTheFieldsOfTheProblemRecord() throws IOException {
        JsonNode served = YAML.readTree(given().when().get("/q/openapi").then().extract().asString());
        List<String> described = new ArrayList<>();
        served.at("/components/schemas/Problem/properties").fieldNames().forEachRemaining(described::add);
        assertThat(described).containsExactlyInAnyOrder(Arrays.stream(Problem.class.getRecordComponents())
                .map(RecordComponent::getName).toArray(String[]::new));
    }

    /** JSON pointers where {@code stored} and {@code served} differ: missing, added or changed values. */
    static void differences(JsonNode stored, JsonNode served, String at, List<String> found) {
        if (stored.isObject() && served.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            stored.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String path = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!stored.has(name)) {
                    found.add("added " + path);
                } else if (!served.has(name)) {
                    found.add("missing " + path);
                } else {
                    differences(stored.get(name), served.get(name), path, found);
                }
            }
        } else if (stored.isArray() && served.isArray() && stored.size() == served.size()) {
            Iterator<JsonNode> left = stored.elements();
            Iterator<JsonNode> right = served.elements();
            for (int i = 0; left.hasNext(); i++) {
                differences(left.next(), right.next(), at + "/" + i, found);
            }
        } else if (!stored.equals(served)) {
            found.add("changed " + (at.isEmpty() ? "/" : at));
        }
    }
}
