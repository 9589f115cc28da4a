package io.supplyline.command.http;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.registerProduct;
import static io.supplyline.command.ApiMother.registerWarehouse;
import static io.supplyline.command.ApiMother.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.supplyline.command.EventStoreRows;
import io.supplyline.command.axon.AxonConfiguration;
import io.supplyline.command.processors.ProcessorNames;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/** Purchase orders over HTTP: placing, partial and final receipts, cancellation, and every refusal. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class PurchaseOrderApiTest {

    @Inject
    EventStoreRows eventStore;

    @Inject
    AxonConfiguration axon;

    private static RequestSpecification operator() {
        return given().auth().basic("operator", "operator").contentType(ContentType.JSON);
    }

    /** A supplier, warehouse and product registered for one test. */
    private record Registered(String supplier, String warehouse, String sku) {

        static Registered supplierWarehouseAndProduct() {
            Registered registered = new Registered(registerSupplier(), unique("WH"), unique("SKU"));
            registerWarehouse(registered.warehouse());
            registerProduct(registered.sku());
            return registered;
        }
    }

    private static String registerSupplier() {
        String code = unique("SUP");
        operator().body(Map.of("code", code, "name", "Acme", "leadTimeDays", 7)).post("/suppliers").then().statusCode(201);
        return code;
    }

    private static Map<String, Object> order(String supplier, String warehouse, String sku, Object quantity) {
        return Map.of("supplier", supplier, "warehouse", warehouse, "expectedDeliveryDate", "2026-12-15",
                "lines", List.of(Map.of("sku", sku, "quantity", quantity,
                        "unitPrice", Map.of("amount", "0.12", "currency", "EUR"))));
    }

    /** @return the id as the answer carries it, which every path takes as it is */
    private static String place(Map<String, Object> order) {
        return operator().body(order).post("/purchase-orders")
                .then().statusCode(201).body("id", startsWith("purchase-order:")).body("version", equalTo(0))
                .extract().path("id");
    }

    @Test
    void anOrderIsReceivedInPartsUntilItCloses() {
        Registered given = Registered.supplierWarehouseAndProduct();
        String supplier = given.supplier();
        String warehouse = given.warehouse();
        String sku = given.sku();
        String po = place(order(supplier, warehouse, sku, 100));

        operator().body(Map.of("lines", List.of(Map.of("sku", sku, "quantity", 60))))
                .post("/purchase-orders/{id}/receipts", po).then().statusCode(200).body("version", equalTo(1));
        operator().body(Map.of("lines", List.of(Map.of("sku", sku, "quantity", 41))))
                .post("/purchase-orders/{id}/receipts", po).then().statusCode(422).body("code", equalTo("OVER_RECEIPT"));
        operator().body(Map.of("reason", "too late"))
                .post("/purchase-orders/{id}/cancellation", po).then().statusCode(422)
                .body("code", equalTo("PO_HAS_RECEIPTS"));
        operator().body(Map.of("lines", List.of(Map.of("sku", sku, "quantity", 40))))
                .post("/purchase-orders/{id}/receipts", po).then().statusCode(200).body("version", equalTo(3));
        assertThat(eventStore.count(po)).isEqualTo(4);
    }

    @Test
    void receivedGoodsGoIntoStockOnceEvenWhenTheProcessReplaysEveryReceipt() throws Exception {
        Registered given = Registered.supplierWarehouseAndProduct();
        String supplier = given.supplier();
        String warehouse = given.warehouse();
        String sku = given.sku();
        String po = place(order(supplier, warehouse, sku, 100));
        operator().body(Map.of("lines", List.of(Map.of("sku", sku, "quantity", 60))))
                .post("/purchase-orders/{id}/receipts", po).then().statusCode(200);
        operator().body(Map.of("lines", List.of(Map.of("sku", sku, "quantity", 40))))
                .post("/purchase-orders/{id}/receipts", po).then().statusCode(200);
        String item = "stock:" + warehouse + ":" + sku;
        await().atMost(Duration.ofSeconds(30)).until(() -> eventStore.count(item) == 2);

        TrackingEventProcessor process = axon.eventProcessing()
                .eventProcessor(ProcessorNames.GOODS_INTO_STOCK, TrackingEventProcessor.class).orElseThrow();
        process.shutDown();
        process.resetTokens();
        process.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.processingStatus().isEmpty()
                && process.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp));
        assertThat(eventStore.count(item)).as("the replay received nothing twice").isEqualTo(2);
        // One more command on the item still continues from version 1.
        operator().body(Map.of("quantity", 1)).post("/stock/{w}/{s}/receipts", warehouse, sku)
                .then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void aSuspendedSupplierGetsNoOrderAndNothingIsAppended() {
        Registered given = Registered.supplierWarehouseAndProduct();
        String supplier = given.supplier();
        String warehouse = given.warehouse();
        String sku = given.sku();
        operator().body(Map.of("reason", "quality")).post("/suppliers/{code}/suspension", supplier)
                .then().statusCode(200);
        operator().body(order(supplier, warehouse, sku, 5)).post("/purchase-orders")
                .then().statusCode(422).body("code", equalTo("SUPPLIER_SUSPENDED"));
    }

    @Test
    void anOrderCanBeCancelledBeforeAnythingArrives() {
        Registered given = Registered.supplierWarehouseAndProduct();
        String supplier = given.supplier();
        String warehouse = given.warehouse();
        String sku = given.sku();
        String po = place(order(supplier, warehouse, sku, 10));
        operator().body(Map.of("reason", "duplicate order"))
                .post("/purchase-orders/{id}/cancellation", po).then().statusCode(200).body("version", equalTo(1));
        operator().body(Map.of("lines", List.of(Map.of("sku", sku, "quantity", 1))))
                .post("/purchase-orders/{id}/receipts", po).then().statusCode(422).body("code", equalTo("PO_CLOSED"));
    }

    @Test
    void invalidLinesAreNamedByTheirPosition() {
        operator().body(order("ACME", "BER-1", "BOLT", 0)).post("/purchase-orders")
                .then().statusCode(400).body("errors.field", hasItem("lines[0].quantity"));
        Map<String, Object> strangeMoney = Map.of("supplier", "ACME", "warehouse", "BER-1",
                "expectedDeliveryDate", "2026-12-15", "lines", List.of(Map.of("sku", "BOLT", "quantity", 1,
                        "unitPrice", Map.of("amount", "1.00", "currency", "XYZ"))));
        operator().body(strangeMoney).post("/purchase-orders").then().statusCode(400);
        operator().body(Map.of("supplier", "ACME", "warehouse", "BER-1", "expectedDeliveryDate", "2026-12-15",
                "lines", List.of())).post("/purchase-orders").then().statusCode(400)
                .body("errors.field", hasItem("lines"));
    }

    @Test
    void anUnknownOrderIsNotFound() {
        operator().body(Map.of("reason", "x"))
                .post("/purchase-orders/{id}/cancellation", "0b9f6c1e-2a4d-4c55-9d1e-6f1a2b3c4d5e")
                .then().statusCode(404).body("code", equalTo("UNKNOWN_AGGREGATE"));
    }
}
