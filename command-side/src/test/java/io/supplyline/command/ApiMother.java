package io.supplyline.command;

import static io.restassured.RestAssured.given;

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

    public static void registerWarehouse(String code) {
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Berlin DC", "city", "Berlin", "country", "DE"))
                .post("/warehouses").then().statusCode(201);
    }
}
