package io.supplyline.command.http;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.registerProduct;
import static io.supplyline.command.ApiMother.registerWarehouse;
import static io.supplyline.command.ApiMother.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.supplyline.command.EventStoreRows;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/** A retried command with the same Idempotency-Key gets the first answer and appends nothing. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class IdempotencyTest {

    @Inject
    EventStoreRows eventStore;

    private static Response receive(String warehouse, String sku, String key, int quantity) {
        return given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("quantity", quantity, "reference", "DN-9"))
                .post("/stock/{warehouse}/{sku}/receipts", warehouse, sku);
    }

    @Test
    void aRetryGetsTheFirstAnswerAndAppendsNothing() {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        registerWarehouse(warehouse);
        registerProduct(sku);
        String key = unique("retry");
        receive(warehouse, sku, key, 7).then().statusCode(200).body("version", equalTo(0));
        receive(warehouse, sku, unique("other"), 1).then().statusCode(200).body("version", equalTo(1));
        receive(warehouse, sku, key, 7).then().statusCode(200).body("version", equalTo(0)).header("ETag", "\"0\"");
        assertThat(eventStore.count("stock:" + warehouse + ":" + sku)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefusedAndAppendsNothing() {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        registerWarehouse(warehouse);
        registerProduct(sku);
        String key = unique("reuse");
        receive(warehouse, sku, key, 7).then().statusCode(200);
        receive(warehouse, sku, key, 8).then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(eventStore.count("stock:" + warehouse + ":" + sku)).isEqualTo(1);
    }

    @Test
    void aRetriedRegistrationAnswersCreatedAgain() {
        String sku = unique("SKU");
        String key = unique("register");
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                    .header("Idempotency-Key", key)
                    .body(Map.of("sku", sku, "name", "Pallet", "unitOfMeasure", "EA", "reorderPoint", 1,
                            "reorderQuantity", 1))
                    .post("/products")
                    .then().statusCode(201).body("id", equalTo("product:" + sku)).body("version", equalTo(0));
        }
        assertThat(eventStore.count("product:" + sku)).isEqualTo(1);
    }

    @Test
    void eightSimultaneousRetriesAppendOnceAndAllGetTheSameAnswer() throws Exception {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        registerWarehouse(warehouse);
        registerProduct(sku);
        receive(warehouse, sku, unique("first"), 1).then().statusCode(200);
        String key = unique("storm");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = IntStream.range(0, 8).mapToObj(i -> pool.submit(() -> {
                start.await();
                return receive(warehouse, sku, key, 3);
            })).toList();
            start.countDown();
            for (Future<Response> answer : answers) {
                answer.get().then().statusCode(200).body("version", equalTo(1));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventStore.count("stock:" + warehouse + ":" + sku)).isEqualTo(2);
    }

    @Test
    void aMalformedKeyIsABadRequest() {
        receive("BER-1", "SKU-1", "has spaces in it", 1).then().statusCode(400);
    }
}
