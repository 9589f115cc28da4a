package io.supplyline.query.stock;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Money;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.catalog.ReorderPolicy;
import io.supplyline.events.catalog.ReorderPolicyChanged;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.ReservationReleased;
import io.supplyline.events.inventory.StockIssued;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.inventory.StockReserved;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.PurchaseOrderLine;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.query.EventTopicWriter;

/** Events on the real Kafka topic become stock levels in PostgreSQL, readable over HTTP. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class StockLevelsApiTest {

    private static EventTopicWriter topic;

    private static EventTopicWriter topic() {
        if (topic == null) {
            topic = new EventTopicWriter();
        }
        return topic;
    }

    @AfterAll
    static void closeTopic() {
        if (topic != null) {
            topic.close();
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static void received(StockItemId item, long sequence, int quantity) {
        topic().publish("StockItem", item.aggregateId(), sequence, new StockReceived(item, Quantity.of(quantity), "DN"));
    }

    @Test
    void receiptsAndAdjustmentsAddUpAndMinVersionWaitsForTheWrite() {
        StockItemId item = StockItemId.of(unique("WH"), unique("SKU"));
        received(item, 0, 40);
        topic().publish("StockItem", item.aggregateId(), 1, new StockAdjusted(item, -15, AdjustmentReason.DAMAGE, null));

        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels/{warehouse}/{sku}?minVersion=1", item.warehouse().value(), item.sku().value())
                .then().statusCode(200)
                .body("warehouse", equalTo(item.warehouse().value()))
                .body("sku", equalTo(item.sku().value()))
                .body("onHand", equalTo(25))
                .body("reserved", equalTo(0))
                .body("available", equalTo(25))
                .body("inbound", equalTo(0))
                .body("status", equalTo("OK"))
                .body("version", equalTo(1));
    }

    @Test
    void reservationsHoldStockUntilReleasedOrIssued() {
        StockItemId item = StockItemId.of(unique("WH"), unique("SKU"));
        received(item, 0, 10);
        topic().publish("StockItem", item.aggregateId(), 1, new StockReserved(item, "order-1/1", Quantity.of(6)));
        topic().publish("StockItem", item.aggregateId(), 2, new StockReserved(item, "order-2/1", Quantity.of(3)));
        topic().publish("StockItem", item.aggregateId(), 3, new ReservationReleased(item, "order-2/1", Quantity.of(3)));
        topic().publish("StockItem", item.aggregateId(), 4, new StockIssued(item, "order-1/1", Quantity.of(6)));
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels/{warehouse}/{sku}?minVersion=4", item.warehouse().value(), item.sku().value())
                .then().statusCode(200)
                .body("onHand", equalTo(4))
                .body("reserved", equalTo(0))
                .body("available", equalTo(4));
    }

    @Test
    void aDuplicatedEventIsAppliedOnce() {
        StockItemId item = StockItemId.of(unique("WH"), unique("SKU"));
        received(item, 0, 10);
        topic().publish("StockItem", item.aggregateId(), 1, new StockReceived(item, Quantity.of(5), "DN-dup"), 2);
        received(item, 2, 1);

        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels/{warehouse}/{sku}?minVersion=2", item.warehouse().value(), item.sku().value())
                .then().statusCode(200)
                .body("onHand", equalTo(16))
                .body("version", equalTo(2));
    }

    @Test
    void statusFollowsTheProductsReorderPointWhicheverArrivesFirst() {
        Sku sku = new Sku(unique("SKU"));
        StockItemId low = new StockItemId(new WarehouseCode(unique("WH")), sku);
        StockItemId out = new StockItemId(new WarehouseCode(unique("WH")), sku);
        received(low, 0, 8);
        topic().publish("StockItem", out.aggregateId(), 0, new StockAdjusted(out, 2, AdjustmentReason.FOUND, null));
        topic().publish("StockItem", out.aggregateId(), 1, new StockAdjusted(out, -2, AdjustmentReason.LOSS, null));
        topic().publish("Product", sku.aggregateId(), 0, new ProductRegistered(sku, "Pallet", "EA", new ReorderPolicy(10, 50)));

        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels/{warehouse}/{sku}?minVersion=1", out.warehouse().value(), sku.value())
                .then().statusCode(200).body("status", equalTo("OUT"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().basic("analyst", "analyst")
                        .when().get("/stock-levels?sku={sku}&sort=warehouse", sku.value())
                        .then().statusCode(200)
                        .body("total", equalTo(2))
                        .body("items.find { it.warehouse == '" + low.warehouse().value() + "' }.status", equalTo("LOW")));
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels/by-sku/{sku}", sku.value())
                .then().statusCode(200)
                .body("onHand", equalTo(8))
                .body("status", equalTo("LOW"))
                .body("warehouses.warehouse", hasItem(out.warehouse().value()));
    }

    @Test
    void aRaisedReorderPointTurnsAnItemLow() {
        Sku sku = new Sku(unique("SKU"));
        StockItemId item = new StockItemId(new WarehouseCode(unique("WH")), sku);
        topic().publish("Product", sku.aggregateId(), 0, new ProductRegistered(sku, "Pallet", "EA", new ReorderPolicy(1, 10)));
        received(item, 0, 5);
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels/{warehouse}/{sku}?minVersion=0", item.warehouse().value(), sku.value())
                .then().statusCode(200);
        topic().publish("Product", sku.aggregateId(), 1, new ReorderPolicyChanged(sku, new ReorderPolicy(10, 20)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().basic("analyst", "analyst")
                        .when().get("/stock-levels/{warehouse}/{sku}", item.warehouse().value(), sku.value())
                        .then().statusCode(200).body("status", equalTo("LOW")));
    }

    @Test
    void listsFilterSortAndPage() {
        String warehouse = unique("WH");
        for (int i = 1; i <= 3; i++) {
            received(StockItemId.of(warehouse, "ITEM-" + i), 0, i * 10);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().basic("analyst", "analyst")
                        .when().get("/stock-levels?warehouse={w}&sort=-onHand&page=0&size=2", warehouse)
                        .then().statusCode(200)
                        .body("total", equalTo(3))
                        .body("page", equalTo(0))
                        .body("size", equalTo(2))
                        .body("items.sku", contains("ITEM-3", "ITEM-2")));
    }

    /** A search finds its text anywhere in the SKU or the warehouse code, in any case, and {@code _} only as itself. */
    @Test
    void aSearchFindsPartOfTheSkuOrTheWarehouseInAnyCase() {
        String token = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        StockItemId byWarehouse = StockItemId.of("WS-" + token + "-1", "PLAIN");
        StockItemId bySku = StockItemId.of(unique("WH"), "sku_" + token.toLowerCase() + "_bolt");
        StockItemId underscoreAsWildcard = StockItemId.of(bySku.warehouse().value(), "skuX" + token + "-bolt");
        StockItemId neither = StockItemId.of(bySku.warehouse().value(), unique("OTHER"));
        for (StockItemId item : List.of(byWarehouse, bySku, underscoreAsWildcard, neither)) {
            received(item, 0, 5);
        }
        String readAfter = String.join(",", List.of(byWarehouse, bySku, underscoreAsWildcard, neither).stream()
                .map(item -> item.aggregateId() + "@0").toList());

        given().auth().basic("analyst", "analyst").header("X-Read-After", readAfter)
                .when().get("/stock-levels?search={s}", token.substring(1, 7).toLowerCase())
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.sku", containsInAnyOrder(byWarehouse.sku().value(), bySku.sku().value(),
                        underscoreAsWildcard.sku().value()));
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels?search={s}", "SKU_" + token.substring(0, 4))
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].sku", equalTo(bySku.sku().value()));
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels?search={s}&warehouse={w}", "ws-" + token, bySku.warehouse().value())
                .then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels?search={s}", "50%")
                .then().statusCode(400)
                .body("errors.field", contains("search"));
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels?search={s}", "x".repeat(101))
                .then().statusCode(400)
                .body("errors.field", contains("search"));
    }

    @Test
    void listsSortByInboundAndReserved() {
        String warehouse = unique("WH");
        StockItemId small = StockItemId.of(warehouse, "SMALL");
        StockItemId large = StockItemId.of(warehouse, "LARGE");
        received(small, 0, 50);
        received(large, 0, 50);
        topic().publish("StockItem", small.aggregateId(), 1, new StockReserved(small, "order-1/1", Quantity.of(3)));
        topic().publish("StockItem", large.aggregateId(), 1, new StockReserved(large, "order-2/1", Quantity.of(30)));
        PurchaseOrderId order = PurchaseOrderId.random();
        topic().publish("PurchaseOrder", order.aggregateId(), 0, new PurchaseOrderPlaced(order, new SupplierCode("ACME"),
                new WarehouseCode(warehouse), LocalDate.of(2026, 12, 24), List.of(
                        new PurchaseOrderLine(small.sku(), Quantity.of(70), new Money(BigDecimal.ONE, "EUR")),
                        new PurchaseOrderLine(large.sku(), Quantity.of(7), new Money(BigDecimal.ONE, "EUR")))));
        String readAfter = small.aggregateId() + "@1," + large.aggregateId() + "@1," + order.aggregateId() + "@0";

        given().auth().basic("analyst", "analyst").header("X-Read-After", readAfter)
                .when().get("/stock-levels?warehouse={w}&sort=-inbound", warehouse)
                .then().statusCode(200)
                .body("items.sku", contains("SMALL", "LARGE"))
                .body("items.inbound", contains(70, 7));
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels?warehouse={w}&sort=inbound", warehouse)
                .then().statusCode(200).body("items.sku", contains("LARGE", "SMALL"));
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels?warehouse={w}&sort=-reserved", warehouse)
                .then().statusCode(200).body("items.reserved", contains(30, 3));
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels?warehouse={w}&sort=reserved", warehouse)
                .then().statusCode(200).body("items.sku", contains("SMALL", "LARGE"));
    }

    @Test
    void aVersionThatNeverArrivesAnswersGatewayTimeout() {
        StockItemId item = StockItemId.of(unique("WH"), unique("SKU"));
        received(item, 0, 1);
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels/{warehouse}/{sku}?minVersion=7", item.warehouse().value(), item.sku().value())
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("code", equalTo("READ_MODEL_BEHIND"));
    }

    @Test
    void badParametersAreNamedInTheProblem() {
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels?status=SOMETIMES&size=0&sort=password")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("errors.field", containsInAnyOrder("size", "sort", "status"));
    }

    @Test
    void aParameterOfTheWrongTypeIsABadRequestNotANotFound() {
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels?page=first")
                .then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"));
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels/BER-1/SKU-1?minVersion=latest")
                .then().statusCode(400);
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels?page=5000000&size=500")
                .then().statusCode(400)
                .body("errors.field", contains("page"));
    }

    @Test
    void theHistoryHasOnePointPerEventOfTheItemOldestFirst() {
        StockItemId item = StockItemId.of(unique("WH"), unique("SKU"));
        Instant monday = Instant.parse("2026-11-23T08:00:00Z");
        topic().publishAt("StockItem", item.aggregateId(), 0, new StockReceived(item, Quantity.of(30), "DN-1"), monday);
        topic().publishAt("StockItem", item.aggregateId(), 1, new StockReserved(item, "order-1/1", Quantity.of(12)),
                monday.plusSeconds(3600));
        topic().publish("StockItem", item.aggregateId(), 1, new StockReserved(item, "order-1/1", Quantity.of(12)));
        topic().publishAt("StockItem", item.aggregateId(), 2, new StockIssued(item, "order-1/1", Quantity.of(12)),
                monday.plusSeconds(7200));

        given().auth().basic("analyst", "analyst").header("X-Read-After", item.aggregateId() + "@2")
                .when().get("/stock-levels/{warehouse}/{sku}/history", item.warehouse().value(), item.sku().value())
                .then().statusCode(200)
                .body("warehouse", equalTo(item.warehouse().value()))
                .body("points.version", contains(0, 1, 2))
                .body("points.at", contains("2026-11-23T08:00:00Z", "2026-11-23T09:00:00Z", "2026-11-23T10:00:00Z"))
                .body("points.onHand", contains(30, 30, 18))
                .body("points.reserved", contains(0, 12, 0))
                .body("points.available", contains(30, 18, 18));
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels/{warehouse}/{sku}/history?limit=2", item.warehouse().value(), item.sku().value())
                .then().statusCode(200)
                .body("points.version", contains(1, 2));
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels/{warehouse}/{sku}/history?limit=0", item.warehouse().value(), item.sku().value())
                .then().statusCode(400)
                .body("errors.field", contains("limit"));
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels/NOWHERE/NOTHING/history")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownItemIsNotFound() {
        given().auth().basic("analyst", "analyst")
                .when().get("/stock-levels/NOWHERE/NOTHING")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void readsNeedTheAnalystRole() {
        given().when().get("/stock-levels").then().statusCode(401);
        given().auth().basic("operator", "operator").when().get("/stock-levels").then().statusCode(403);
        given().auth().basic("admin", "admin").when().get("/stock-levels").then().statusCode(200);
    }
}
