package io.supplyline.command.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * Sixteen customer orders and eight write-offs race on one stock item. The orders are allocated
     * by the fulfilment process while the write-offs land, so both kinds of writer contend for the
     * item; afterwards the item, recomputed from its events, matches the accepted answers exactly.
     */
    @Test
    void racingOrdersAndWriteOffsLeaveStockAndReservationsExactlyAsAccepted() throws Exception {
        String warehouse = ApiMother.unique("WH");
        String sku = ApiMother.unique("SKU");
        String item = "stock:" + warehouse + ":" + sku;
        ApiMother.registerWarehouse(warehouse);
        ApiMother.registerProduct(sku);
        given().auth().basic("operator", "operator").contentType(ContentType.JSON).body(Map.of("quantity", 100))
                .post("/stock/{warehouse}/{sku}/receipts", warehouse, sku).then().statusCode(200);
        AtomicInteger writer = new AtomicInteger();
        List<String> orders = new CopyOnWriteArrayList<>();
        List<Integer> writeOffs = race(24, () -> {
            if (writer.getAndIncrement() < 16) {
                orders.add(given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                        .body(Map.of("customer", "Bauhaus KG", "warehouse", warehouse,
                                "requestedDeliveryDate", "2026-12-03", "lines", List.of(Map.of("sku", sku, "quantity", 10))))
                        .post("/orders").then().statusCode(201).extract().<String>path("id"));
                return 0;
            }
            return given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                    .body(Map.of("delta", -5, "reason", "DAMAGE"))
                    .post("/stock/{warehouse}/{sku}/adjustments", warehouse, sku).statusCode();
        }).stream().filter(status -> status != 0).toList();
        assertThat(writeOffs).hasSize(8).isSubsetOf(200, 409, 422);

        await().atMost(Duration.ofSeconds(30)).until(() -> orders.stream().allMatch(order -> eventStore.count(order) == 2));
        long allocated = orders.stream().filter(order -> eventStore.eventTypes(order).contains("OrderAllocated")).count();
        long acceptedWriteOffs = writeOffs.stream().filter(status -> status == 200).count();
        long[] stock = onHandAndReserved(item);
        assertThat(stock[0]).isEqualTo(100 - 5 * acceptedWriteOffs);
        assertThat(stock[1]).isEqualTo(10 * allocated).isLessThanOrEqualTo(stock[0]);
        if (allocated < 16) {
            assertThat(stock[0] - stock[1]).as("a backorder only while too little is available").isLessThan(10);
        }
    }

    /** On hand and reserved of a stock item, recomputed from its stored events. */
    private long[] onHandAndReserved(String item) throws Exception {
        List<String> types = eventStore.eventTypes(item);
        List<String> payloads = eventStore.payloads(item);
        long onHand = 0;
        long reserved = 0;
        for (int i = 0; i < types.size(); i++) {
            JsonNode event = JSON.readTree(payloads.get(i));
            switch (types.get(i)) {
                case "StockReceived" -> onHand += event.get("quantity").asLong();
                case "StockAdjusted" -> onHand += event.get("delta").asLong();
                case "StockReserved" -> reserved += event.get("quantity").asLong();
                case "ReservationReleased" -> reserved -= event.get("quantity").asLong();
                case "StockIssued" -> {
                    onHand -= event.get("quantity").asLong();
                    reserved -= event.get("quantity").asLong();
                }
                default -> throw new IllegalStateException("Unexpected " + types.get(i));
            }
        }
        return new long[] {onHand, reserved};
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
