package io.supplyline.command.audit;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.registerProduct;
import static io.supplyline.command.ApiMother.registerWarehouse;
import static io.supplyline.command.ApiMother.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/**
 * Every aggregate type is rebuilt as of an instant by its own event-sourcing handlers, on
 * PostgreSQL here and on the local default's H2 in {@link AggregateAsOfOnH2Test}.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class AggregateAsOfTest {

    private static RequestSpecification operator() {
        return given().auth().basic("operator", "operator").contentType(ContentType.JSON);
    }

    private static RequestSpecification auditor() {
        return given().auth().basic("auditor", "auditor");
    }

    private static String created(String path, Map<String, Object> body) {
        return operator().body(body).post(path).then().statusCode(201).extract().path("id");
    }

    @Test
    void everyAggregateTypeIsRebuiltAsOfNowAndAsOfItsFirstEvent() {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        String supplier = unique("SUP");
        registerWarehouse(warehouse);
        registerProduct(sku);
        created("/suppliers", Map.of("code", supplier, "name", "Acme", "leadTimeDays", 5));
        operator().body(Map.of("quantity", 10)).post("/stock/{w}/{s}/receipts", warehouse, sku).then().statusCode(200);
        operator().body(Map.of("delta", -1, "reason", "DAMAGE")).post("/stock/{w}/{s}/adjustments", warehouse, sku)
                .then().statusCode(200);
        String purchaseOrder = created("/purchase-orders", Map.of("supplier", supplier, "warehouse", warehouse,
                "expectedDeliveryDate", "2026-12-15", "lines", List.of(Map.of("sku", sku, "quantity", 5,
                        "unitPrice", Map.of("amount", "1.00", "currency", "EUR")))));
        String order = created("/orders", Map.of("customer", "Bauhaus KG", "warehouse", warehouse,
                "requestedDeliveryDate", "2026-12-03", "lines", List.of(Map.of("sku", sku, "quantity", 4))));
        await().atMost(Duration.ofSeconds(30)).until(() -> auditor().get("/audit/aggregates/{id}/events", order)
                .then().extract().jsonPath().getList("type").contains("OrderAllocated"));
        String shipment = created("/shipments", Map.of("orderId", order, "carrier", "DHL", "trackingNumber", "JD1",
                "promisedDeliveryDate", "2026-12-03"));

        Map<String, String> aggregates = new LinkedHashMap<>();
        aggregates.put("warehouse:" + warehouse, "Warehouse");
        aggregates.put("product:" + sku, "Product");
        aggregates.put("supplier:" + supplier, "Supplier");
        aggregates.put("stock:" + warehouse + ":" + sku, "StockItem");
        aggregates.put(purchaseOrder, "PurchaseOrder");
        aggregates.put(order, "SalesOrder");
        aggregates.put(shipment, "Shipment");
        aggregates.forEach((id, type) -> {
            String first = auditor().get("/audit/aggregates/{id}/events", id).then().statusCode(200)
                    .extract().jsonPath().getString("timestamp[0]");
            auditor().queryParam("asOf", first).get("/audit/aggregates/{id}/state", id)
                    .then().statusCode(200).body("aggregateType", equalTo(type)).body("version", equalTo(0))
                    .body("state", notNullValue());
            auditor().get("/audit/aggregates/{id}/state", id).then().statusCode(200).body("aggregateType", equalTo(type));
        });
        String item = "stock:" + warehouse + ":" + sku;
        auditor().get("/audit/aggregates/{id}/state", item).then().body("state.onHand", equalTo(9))
                .body("state.reserved", equalTo(4));
    }
}
