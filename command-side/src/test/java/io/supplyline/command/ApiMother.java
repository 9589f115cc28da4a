package io.supplyline.command;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Test data through the HTTP API: unique business keys and the registrations other tests build on. */
public final class ApiMother {

    private ApiMother() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static void registerProduct(String sku) {
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "name", "Euro pallet", "unitOfMeasure", "EA", "reorderPoint", 10,
                        "reorderQuantity", 50))
                .post("/products").then().statusCode(201);
    }

    /**
     * A new warehouse and product, then one receipt of each quantity into their stock item, sent in
     * one conversation; returns the stock item's aggregate id.
     */
    public static String receivedStock(String correlationId, int... quantities) {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        registerWarehouse(warehouse);
        registerProduct(sku);
        for (int quantity : quantities) {
            given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                    .header("X-Correlation-Id", correlationId)
                    .body(Map.of("quantity", quantity))
                    .post("/stock/{warehouse}/{sku}/receipts", warehouse, sku)
                    .then().statusCode(200);
        }
        return "stock:" + warehouse + ":" + sku;
    }

    /** A registered warehouse and product, whose stock item has no events yet. */
    public record NewStockItem(String warehouse, String sku) {

        public String aggregateId() {
            return "stock:" + warehouse + ":" + sku;
        }
    }

    public static NewStockItem newStockItem(String prefix) {
        NewStockItem item = new NewStockItem(unique(prefix + "-WH"), unique(prefix + "-SKU"));
        registerWarehouse(item.warehouse());
        registerProduct(item.sku());
        return item;
    }

    public static void registerWarehouse(String code) {
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Berlin DC", "city", "Berlin", "country", "DE"))
                .post("/warehouses").then().statusCode(201);
    }

    /** A new supplier's purchase order for {@code quantity} of the item; returns its id as the answer carries it. */
    public static String purchaseOrder(NewStockItem item, int quantity) {
        String supplier = unique("SUP");
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("code", supplier, "name", "Acme", "leadTimeDays", 7))
                .post("/suppliers").then().statusCode(201);
        return given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("supplier", supplier, "warehouse", item.warehouse(), "expectedDeliveryDate", "2026-12-15",
                        "lines", List.of(Map.of("sku", item.sku(), "quantity", quantity,
                                "unitPrice", Map.of("amount", "4.20", "currency", "EUR")))))
                .post("/purchase-orders").then().statusCode(201).extract().path("id");
    }
}
