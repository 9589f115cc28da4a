package io.supplyline.command.http;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.registerProduct;
import static io.supplyline.command.ApiMother.registerWarehouse;
import static io.supplyline.command.ApiMother.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.supplyline.command.EventStoreRows;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/**
 * Customer orders through the fulfilment process, over HTTP, with the process running in the
 * service: reservations, backorders, shipment, delivery and cancellation, checked in the event store.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class FulfilmentApiTest {

    @Inject
    EventStoreRows eventStore;

    private static RequestSpecification operator() {
        return given().auth().basic("operator", "operator").contentType(ContentType.JSON);
    }

    private static String placeOrder(String warehouse, Map<String, Integer> lines) {
        List<Map<String, Object>> body = lines.entrySet().stream()
                .map(line -> Map.<String, Object>of("sku", line.getKey(), "quantity", line.getValue()))
                .toList();
        return operator().body(Map.of("customer", "Bauhaus KG", "warehouse", warehouse,
                        "requestedDeliveryDate", "2026-12-03", "lines", body))
                .post("/orders").then().statusCode(201).extract().path("id");
    }

    private static void receive(String warehouse, String sku, int quantity) {
        operator().body(Map.of("quantity", quantity)).post("/stock/{w}/{s}/receipts", warehouse, sku)
                .then().statusCode(200);
    }

    private static String createShipment(String orderId) {
        return operator().body(shipmentFor(orderId)).post("/shipments")
                .then().statusCode(201).body("id", startsWith("shipment:")).extract().path("id");
    }

    private static Map<String, Object> shipmentFor(String orderId) {
        return Map.of("orderId", orderId, "carrier", "DHL", "trackingNumber", "JD0001",
                "promisedDeliveryDate", "2026-12-03");
    }

    private void awaitEvents(String aggregateId, String... types) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(eventStore.eventTypes(aggregateId)).containsExactly(types));
    }

    @Test
    void anOrderIsBackorderedThenAllocatedWhenStockArrivesThenShippedAndDelivered() {
        String warehouse = unique("WH");
        String bolt = unique("BOLT");
        String nut = unique("NUT");
        registerWarehouse(warehouse);
        registerProduct(bolt);
        registerProduct(nut);
        receive(warehouse, bolt, 100);

        String order = placeOrder(warehouse, Map.of(bolt, 20, nut, 30));
        awaitEvents(order, "OrderPlaced", "OrderBackordered");
        // All or nothing: whatever was reserved before the shortage showed is given back.
        assertThat(eventStore.eventTypes("stock:" + warehouse + ":" + bolt))
                .doesNotContain("StockIssued").last().isNotEqualTo("StockReserved");
        operator().body(shipmentFor(order)).post("/shipments")
                .then().statusCode(422).body("code", equalTo("ORDER_NOT_ALLOCATED"));

        receive(warehouse, nut, 30);
        awaitEvents(order, "OrderPlaced", "OrderBackordered", "OrderAllocated");

        String shipment = createShipment(order);
        operator().body(shipmentFor(order)).post("/shipments")
                .then().statusCode(409).body("code", equalTo("ORDER_HAS_SHIPMENT"));
        operator().body(Map.of("location", "Leipzig hub", "at", "2026-12-01T09:00:00Z"))
                .post("/shipments/{id}/checkpoints", shipment)
                .then().statusCode(422).body("code", equalTo("SHIPMENT_NOT_DISPATCHED"));
        operator().body(Map.of("at", "2026-12-01T08:00:00Z")).post("/shipments/{id}/dispatch", shipment)
                .then().statusCode(200).body("version", equalTo(1)).header("ETag", "\"1\"");
        awaitEvents(order, "OrderPlaced", "OrderBackordered", "OrderAllocated", "OrderShipped");
        awaitEvents("stock:" + warehouse + ":" + nut, "StockReceived", "StockReserved", "StockIssued");
        operator().body(Map.of("reason", "too late")).post("/orders/{id}/cancellation", order)
                .then().statusCode(422).body("code", equalTo("ORDER_ALREADY_SHIPPED"));

        operator().body(Map.of("location", "Leipzig hub", "at", "2026-12-01T09:00:00Z", "note", "sorted"))
                .post("/shipments/{id}/checkpoints", shipment).then().statusCode(200);
        operator().body(Map.of("newEta", "2026-12-05", "reason", "storm"))
                .post("/shipments/{id}/delays", shipment).then().statusCode(200);
        operator().body(Map.of("at", "2026-12-05T15:00:00Z", "receivedBy", "J. Doe"))
                .post("/shipments/{id}/delivery", shipment).then().statusCode(200).body("version", equalTo(4));
        awaitEvents(order, "OrderPlaced", "OrderBackordered", "OrderAllocated", "OrderShipped", "OrderDelivered");
        operator().body(Map.of("at", "2026-12-05T15:00:00Z", "receivedBy", "J. Doe"))
                .post("/shipments/{id}/delivery", shipment)
                .then().statusCode(422).body("code", equalTo("SHIPMENT_ALREADY_DELIVERED"));
    }

    @Test
    void cancellingAnAllocatedOrderReleasesItsStockAndVoidsItsShipment() {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        registerWarehouse(warehouse);
        registerProduct(sku);
        receive(warehouse, sku, 10);
        String order = placeOrder(warehouse, Map.of(sku, 10));
        awaitEvents(order, "OrderPlaced", "OrderAllocated");
        String shipment = createShipment(order);

        operator().body(Map.of("reason", "customer changed plans")).post("/orders/{id}/cancellation", order)
                .then().statusCode(200);
        awaitEvents("stock:" + warehouse + ":" + sku, "StockReceived", "StockReserved", "ReservationReleased");
        awaitEvents(shipment, "ShipmentCreated", "ShipmentExceptionReported");
        operator().body(Map.of("at", "2026-12-01T08:00:00Z")).post("/shipments/{id}/dispatch", shipment)
                .then().statusCode(422).body("code", equalTo("SHIPMENT_VOID"));
    }

    @Test
    void shipmentsNameAnExistingOrderAndValidFields() {
        operator().body(shipmentFor("order:7f1c1a52-5c5e-4f0a-9a43-3d8d3f1f0001")).post("/shipments")
                .then().statusCode(404).body("code", equalTo("UNKNOWN_ORDER"));
        operator().body(Map.of("orderId", "not-a-uuid", "carrier", "", "promisedDeliveryDate", "2026-12-03"))
                .post("/shipments").then().statusCode(400)
                .body("errors.field", hasItems("orderId", "carrier", "trackingNumber"));
        operator().body(Map.of("type", "ORDER_CANCELLED", "note", "x"))
                .post("/shipments/{id}/exceptions", "7f1c1a52-5c5e-4f0a-9a43-3d8d3f1f0002")
                .then().statusCode(404);
    }

    /** Cancelling and dispatching one allocated order at the same moment: exactly one of them wins. */
    @Test
    void ofADispatchAndACancellationRacingOnOneOrderExactlyOneWins() throws Exception {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        registerWarehouse(warehouse);
        registerProduct(sku);
        receive(warehouse, sku, 50);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String order = placeOrder(warehouse, Map.of(sku, 1));
                awaitEvents(order, "OrderPlaced", "OrderAllocated");
                String shipment = createShipment(order);
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> dispatch = pool.submit(() -> {
                    start.await();
                    return operator().body(Map.of("at", "2026-12-01T08:00:00Z"))
                            .post("/shipments/{id}/dispatch", shipment).statusCode();
                });
                Future<Integer> cancel = pool.submit(() -> {
                    start.await();
                    return operator().body(Map.of("reason", "changed plans"))
                            .post("/orders/{id}/cancellation", order).statusCode();
                });
                start.countDown();
                List<Integer> statuses = List.of(dispatch.get(), cancel.get());
                assertThat(statuses).as("dispatch, cancel").containsOnlyOnce(200).doesNotContain(500);
                if (dispatch.get() == 200) {
                    awaitEvents(order, "OrderPlaced", "OrderAllocated", "OrderShipped");
                } else {
                    awaitEvents(order, "OrderPlaced", "OrderAllocated", "OrderCancelled");
                    awaitEvents(shipment, "ShipmentCreated", "ShipmentExceptionReported");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
