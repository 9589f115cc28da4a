package io.supplyline.command.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
import io.supplyline.command.ApiMother;
import io.supplyline.command.EventStoreRows;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/** Racing writers: the event store's unique key lets exactly one win, and nobody gets a 500. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class ConcurrentCommandsTest {

    private static final int WRITERS = 8;

    @Inject
    EventStoreRows eventStore;

    @Test
    void ofEightRacingRegistrationsOfOneSkuExactlyOneWins() throws Exception {
        String sku = ApiMother.unique("RACE");
        List<Integer> statuses = race(() -> given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "name", "Race", "unitOfMeasure", "EA", "reorderPoint", 0,
                        "reorderQuantity", 1))
                .post("/products").statusCode());
        assertThat(statuses).isSubsetOf(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(eventStore.count("product:" + sku)).isEqualTo(1);
    }

    @Test
    void racingReceiptsOnANewItemNeverAnswerServerErrorsAndEachSuccessIsOneEvent() throws Exception {
        String warehouse = ApiMother.unique("WH");
        String sku = ApiMother.unique("SKU");
        ApiMother.registerWarehouse(warehouse);
        ApiMother.registerProduct(sku);
        List<Integer> statuses = race(() -> given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("quantity", 1))
                .post("/stock/{warehouse}/{sku}/receipts", warehouse, sku).statusCode());
        assertThat(statuses).isSubsetOf(200, 409).contains(200);
        long accepted = statuses.stream().filter(s -> s == 200).count();
        assertThat(eventStore.count("stock:" + warehouse + ":" + sku)).isEqualTo(accepted);
    }

    @Test
    void sixteenRacingWithdrawalsFromTenUnitsAcceptExactlyTenAndLeaveNothingNegative() throws Exception {
        String warehouse = ApiMother.unique("WH");
        String sku = ApiMother.unique("SKU");
        ApiMother.registerWarehouse(warehouse);
        ApiMother.registerProduct(sku);
        given().auth().basic("operator", "operator").contentType(ContentType.JSON).body(Map.of("quantity", 10))
                .post("/stock/{warehouse}/{sku}/receipts", warehouse, sku).then().statusCode(200);
        List<Integer> statuses = race(16, () -> given().auth().basic("operator", "operator")
                .contentType(ContentType.JSON)
                .body(Map.of("delta", -1, "reason", "LOSS"))
                .post("/stock/{warehouse}/{sku}/adjustments", warehouse, sku).statusCode());
        assertThat(statuses).isSubsetOf(200, 409, 422);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(10);
        assertThat(eventStore.count("stock:" + warehouse + ":" + sku)).isEqualTo(11);
    }

    /** Starts all writers at once and collects their HTTP statuses. */
    private static List<Integer> race(Callable<Integer> write) throws Exception {
        return race(WRITERS, write);
    }

    private static List<Integer> race(int writers, Callable<Integer> write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = IntStream.range(0, writers)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return write.call();
                    }))
                    .toList();
            start.countDown();
            return results.stream().map(ConcurrentCommandsTest::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static Integer join(Future<Integer> result) {
        try {
            return result.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
