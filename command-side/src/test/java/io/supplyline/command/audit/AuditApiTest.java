package io.supplyline.command.audit;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.receivedStock;
import static io.supplyline.command.ApiMother.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.supplyline.command.EventStoreRows;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/** The audit history, its search, and the hash chains that show whether the store was tampered with. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class AuditApiTest {

    @Inject
    EventStoreRows eventStore;

    @Inject
    AuditPermits permits;

    private static RequestSpecification auditor() {
        return given().auth().basic("auditor", "auditor");
    }

    /** Three receipts (5, 7, 9) of one new stock item, sent in one conversation; returns the stock item's id. */
    private static String receivedThreeTimes(String correlationId) {
        return receivedStock(correlationId, 5, 7, 9);
    }

    @Test
    void anAggregatesHistorySaysWhoDidWhatWhenAndWhyInOrderAndChained() {
        String correlationId = UUID.randomUUID().toString();
        String item = receivedThreeTimes(correlationId);

        JsonPath history = auditor().get("/audit/aggregates/{id}/events", item)
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("sequence", Integer.class)).containsExactly(0, 1, 2);
        assertThat(history.getList("type", String.class)).containsOnly("StockReceived");
        assertThat(history.getList("revision", String.class)).containsOnly("1");
        assertThat(history.getList("payload.quantity", Integer.class)).containsExactly(5, 7, 9);
        assertThat(history.getList("principal", String.class)).containsOnly("operator");
        assertThat(history.getList("commandName", String.class)).containsOnly("ReceiveStock");
        assertThat(history.getList("correlationId", String.class)).containsOnly(correlationId);
        assertThat(history.getList("aggregateType", String.class)).containsOnly("StockItem");
        List<String> hashes = history.getList("hash", String.class);
        assertThat(history.getList("previousHash", String.class))
                .containsExactly(EventHash.GENESIS, hashes.get(0), hashes.get(1));
        assertThat(hashes).allMatch(hash -> hash.matches("[0-9a-f]{64}")).doesNotHaveDuplicates();

        auditor().get("/audit/aggregates/{id}/events", "stock:NOWHERE:NOTHING")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anAggregatesStateAsOfAnInstantIsRebuiltFromItsEventsUpToThen() {
        String item = receivedThreeTimes(UUID.randomUUID().toString());
        List<String> timestamps = auditor().get("/audit/aggregates/{id}/events", item).then().extract().path("timestamp");

        auditor().queryParam("asOf", timestamps.get(1)).get("/audit/aggregates/{id}/state", item)
                .then().statusCode(200)
                .body("aggregateType", equalTo("StockItem"))
                .body("version", equalTo(1))
                .body("eventsApplied", equalTo(2))
                .body("lastEventAt", equalTo(timestamps.get(1)))
                .body("state.onHand", equalTo(12))
                .body("state.reserved", equalTo(0));
        auditor().get("/audit/aggregates/{id}/state", item)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("state.onHand", equalTo(21));
        auditor().queryParam("asOf", "2020-01-01T00:00:00Z").get("/audit/aggregates/{id}/state", item)
                .then().statusCode(404).contentType("application/problem+json");
        auditor().queryParam("asOf", "last tuesday").get("/audit/aggregates/{id}/state", item)
                .then().statusCode(400).body("errors.field", contains("asOf"));
    }

    @Test
    void theHistoryIsSearchedByConversationTypePrincipalAndTime() {
        String correlationId = UUID.randomUUID().toString();
        String item = receivedThreeTimes(correlationId);
        String second = auditor().get("/audit/aggregates/{id}/events", item).then().extract().path("[1].timestamp");

        auditor().queryParam("correlationId", correlationId).get("/audit/events")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.aggregateId", everyItem(equalTo(item)))
                .body("items.sequence", contains(0, 1, 2));
        auditor().queryParam("correlationId", correlationId).queryParam("type", "StockReceived")
                .queryParam("principal", "operator").queryParam("from", second).queryParam("size", 1)
                .get("/audit/events")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items", hasSize(1))
                .body("items[0].sequence", equalTo(1));
        // Paged by key: each page's next is where the following one starts.
        List<Integer> sequences = new java.util.ArrayList<>();
        Object after = -1;
        for (int page = 0; page < 3; page++) {
            JsonPath found = auditor().queryParam("correlationId", correlationId).queryParam("size", 1)
                    .queryParam("after", after).get("/audit/events").then().statusCode(200).extract().jsonPath();
            sequences.add(found.getInt("items[0].sequence"));
            after = found.get("next");
            assertThat(after).isEqualTo(found.get("items[0].globalIndex"));
        }
        assertThat(sequences).containsExactly(0, 1, 2);
        auditor().queryParam("correlationId", correlationId).queryParam("after", after).get("/audit/events")
                .then().statusCode(200).body("items", hasSize(0)).body("next", nullValue()).body("total", equalTo(3));
        auditor().queryParam("correlationId", correlationId).queryParam("principal", "someone-else")
                .get("/audit/events")
                .then().statusCode(200).body("total", equalTo(0));
        auditor().queryParam("principal", "oper\u0000ator").get("/audit/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_PARAMETER")).body("errors.field", contains("principal"));
        auditor().queryParam("from", "yesterday").get("/audit/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("from"));
    }

    @Test
    void verificationNamesAnAlteredEventADeletedOneAndOneInsertedBehindTheServicesBack() {
        String altered = receivedThreeTimes(UUID.randomUUID().toString());
        String deleted = receivedThreeTimes(UUID.randomUUID().toString());
        auditor().queryParam("aggregateId", altered).get("/audit/verify")
                .then().statusCode(200)
                .body("intact", equalTo(true))
                .body("eventsChecked", equalTo(3))
                .body("firstBroken", nullValue());

        String alteredEvent = auditor().get("/audit/aggregates/{id}/events", altered).then().extract().path("[1].eventId");
        eventStore.tamper("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                + " '\"quantity\":7', '\"quantity\":70'), 'UTF8') WHERE eventidentifier = ?", alteredEvent);
        auditor().queryParam("aggregateId", altered).get("/audit/verify")
                .then().statusCode(200)
                .body("intact", equalTo(false))
                .body("brokenLinkCount", equalTo(1))
                .body("firstBroken.problem", equalTo("ALTERED"))
                .body("firstBroken.sequence", equalTo(1))
                .body("firstBroken.eventId", equalTo(alteredEvent));

        String deletedEvent = auditor().get("/audit/aggregates/{id}/events", deleted).then().extract().path("[2].eventId");
        eventStore.tamper("DELETE FROM domainevententry WHERE eventidentifier = ?", deletedEvent);
        auditor().queryParam("aggregateId", deleted).get("/audit/verify")
                .then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstBroken.problem", equalTo("DELETED"))
                .body("firstBroken.sequence", equalTo(2))
                .body("firstBroken.eventId", equalTo(deletedEvent));

        // Both rows of the middle event gone: the gap in the chain still shows.
        eventStore.tamper("DELETE FROM event_audit WHERE aggregate_id = ? AND sequence_number = 1", altered);
        eventStore.tamper("DELETE FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 1", altered);
        auditor().queryParam("aggregateId", altered).get("/audit/verify")
                .then().statusCode(200)
                .body("firstBroken.problem", equalTo("MISSING"))
                .body("firstBroken.sequence", equalTo(1));

        // An event written straight into the store, not through the service, has no record.
        String smuggled = "product:" + unique("SMUGGLED");
        eventStore.insertRaw("Product", smuggled, 0, "io.supplyline.events.catalog.ProductDiscontinued", "1",
                "{\"sku\":\"" + smuggled.substring(8) + "\"}");
        auditor().queryParam("aggregateId", smuggled).get("/audit/verify")
                .then().statusCode(200)
                .body("firstBroken.problem", equalTo("UNRECORDED"))
                .body("firstBroken.sequence", equalTo(0));

        // The whole store: both aggregates named, in order, and nothing else broken.
        JsonPath whole = auditor().get("/audit/verify").then().statusCode(200).extract().jsonPath();
        assertThat(whole.getBoolean("intact")).isFalse();
        assertThat(whole.getList("brokenLinks.aggregateId", String.class))
                .filteredOn(id -> !id.startsWith("product:")) // legacy and smuggled events, stored directly
                .containsExactlyInAnyOrder(altered, deleted);
    }

    @Test
    void theExportStreamsTheSameEventsAsJsonLinesOrCsv() throws Exception {
        String correlationId = UUID.randomUUID().toString();
        String item = receivedThreeTimes(correlationId);

        String jsonl = auditor().queryParam("correlationId", correlationId).get("/audit/export")
                .then().statusCode(200).contentType(startsWith("application/jsonl")).extract().asString();
        List<String> lines = jsonl.lines().toList();
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        assertThat(lines.stream().map(line -> read(json, line).get("payload").get("quantity").asInt()))
                .containsExactly(5, 7, 9);
        assertThat(read(json, lines.get(2)).get("aggregateId").asText()).isEqualTo(item);

        String csv = auditor().queryParam("format", "csv").queryParam("correlationId", correlationId)
                .get("/audit/export")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> rows = csv.lines().toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).startsWith("globalIndex,aggregateId,aggregateType,sequence,");
        assertThat(rows.get(1)).contains("," + item + ",StockItem,0,", "\"\"quantity\"\":5,");

        auditor().queryParam("format", "xml").get("/audit/export")
                .then().statusCode(400).body("errors.field", contains("format"));
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + line, e);
        }
    }

    @Test
    void onlyAuditorsReadTheHistory() {
        given().get("/audit/events").then().statusCode(401);
        given().auth().basic("operator", "operator").get("/audit/events").then().statusCode(403);
        given().auth().basic("analyst", "analyst").get("/audit/verify").then().statusCode(403);
        given().auth().basic("operator", "operator").get("/audit/export").then().statusCode(403);
        given().auth().basic("operator", "operator").get("/audit/aggregates/x/state").then().statusCode(403);
        given().get("/audit/aggregates/x/events").then().statusCode(401);
        auditor().get("/audit/events?size=1").then().statusCode(200);
        given().auth().basic("admin", "admin").get("/audit/events?size=1").then().statusCode(200);
    }

    @Test
    void auditRequestsThatReadEverythingRunAFewAtATimeAndTheRestAreToldToComeBack() {
        Runnable first = permits.acquire();
        Runnable second = permits.acquire();
        try {
            for (String path : List.of("/audit/verify", "/audit/events", "/audit/export", "/audit/reconciliation")) {
                auditor().get(path).then().statusCode(429).contentType("application/problem+json")
                        .header("Retry-After", "5").body("code", equalTo("TOO_MANY_AUDIT_REQUESTS"));
            }
        } finally {
            first.run();
            second.run();
        }
        auditor().get("/audit/verify?aggregateId=stock:NOWHERE:NOTHING").then().statusCode(200);
        auditor().get("/audit/export?aggregateId=stock:NOWHERE:NOTHING").then().statusCode(200);
        auditor().get("/audit/verify?aggregateId=stock:NOWHERE:NOTHING").then().statusCode(200);
    }
}
