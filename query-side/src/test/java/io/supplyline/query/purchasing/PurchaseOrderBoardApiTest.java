package io.supplyline.query.purchasing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Money;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.PurchaseOrderCancelled;
import io.supplyline.events.purchasing.PurchaseOrderFullyReceived;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.PurchaseOrderLine;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.events.purchasing.ReceivedLine;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.query.EventTopicWriter;

/** Purchase-order events become the purchase-order board and the inbound column of the stock levels. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class PurchaseOrderBoardApiTest {

    private static final EventTopicWriter TOPIC = new EventTopicWriter();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final Money PRICE = new Money(new BigDecimal("0.12"), "EUR");

    @AfterAll
    static void closeTopic() {
        TOPIC.close();
    }

    private static RequestSpecification analyst() {
        return given().auth().basic("analyst", "analyst");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static PurchaseOrderId placed(String supplier, String warehouse, LocalDate expected, String... skus) {
        PurchaseOrderId order = PurchaseOrderId.random();
        List<PurchaseOrderLine> lines = Arrays.stream(skus)
                .map(sku -> new PurchaseOrderLine(new Sku(sku), Quantity.of(100), PRICE)).toList();
        TOPIC.publish("PurchaseOrder", order.aggregateId(), 0, new PurchaseOrderPlaced(order, new SupplierCode(supplier),
                new WarehouseCode(warehouse), expected, lines));
        return order;
    }

    private static void inboundIs(String warehouse, String sku, int inbound) {
        await().untilAsserted(() -> analyst().get("/stock-levels/{w}/{s}", warehouse, sku)
                .then().statusCode(200).body("inbound", equalTo(inbound)));
    }

    @Test
    void aPurchaseOrderIsReceivedInPartsAndItsInboundStockShrinksWithEachReceipt() {
        String supplier = unique("SUP");
        String warehouse = unique("WH");
        String bolt = unique("BOLT");
        String nut = unique("NUT");
        PurchaseOrderId order = placed(supplier, warehouse, TODAY.plusDays(5), bolt, nut);
        inboundIs(warehouse, bolt, 100);

        TOPIC.publish("PurchaseOrder", order.aggregateId(), 1, new GoodsReceived(order, new WarehouseCode(warehouse),
                List.of(new ReceivedLine(new Sku(bolt), Quantity.of(60)))), 2);
        analyst().get("/purchase-orders/{id}?minVersion=1", order.value()).then().statusCode(200)
                .body("status", equalTo("PARTIALLY_RECEIVED"))
                .body("supplier", equalTo(supplier))
                .body("unitsOrdered", equalTo(200))
                .body("unitsReceived", equalTo(60))
                .body("overdue", equalTo(false));
        inboundIs(warehouse, bolt, 40);
        inboundIs(warehouse, nut, 100);

        TOPIC.publish("PurchaseOrder", order.aggregateId(), 2, new GoodsReceived(order, new WarehouseCode(warehouse),
                List.of(new ReceivedLine(new Sku(bolt), Quantity.of(40)), new ReceivedLine(new Sku(nut), Quantity.of(100)))));
        TOPIC.publish("PurchaseOrder", order.aggregateId(), 3, new PurchaseOrderFullyReceived(order));
        analyst().get("/purchase-orders/{id}?minVersion=3", order.value()).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("unitsReceived", equalTo(200));
        inboundIs(warehouse, bolt, 0);
        inboundIs(warehouse, nut, 0);
    }

    @Test
    void aCancelledPurchaseOrderBringsNothingMore() {
        String warehouse = unique("WH");
        String bolt = unique("BOLT");
        PurchaseOrderId order = placed(unique("SUP"), warehouse, TODAY.plusDays(5), bolt);
        inboundIs(warehouse, bolt, 100);
        TOPIC.publish("PurchaseOrder", order.aggregateId(), 1, new PurchaseOrderCancelled(order, "supplier bankrupt"));
        inboundIs(warehouse, bolt, 0);
        analyst().get("/purchase-orders/{id}?minVersion=1", order.value()).then().body("status", equalTo("CANCELLED"));
    }

    @Test
    void overdueOrdersAreStillExpectedAfterTheirDate() {
        String supplier = unique("SUP");
        PurchaseOrderId late = placed(supplier, unique("WH"), TODAY.minusDays(2), unique("SKU"));
        PurchaseOrderId onTime = placed(supplier, unique("WH"), TODAY.plusDays(2), unique("SKU"));
        PurchaseOrderId lateButDone = placed(supplier, unique("WH"), TODAY.minusDays(3), unique("SKU"));
        TOPIC.publish("PurchaseOrder", lateButDone.aggregateId(), 1, new PurchaseOrderCancelled(lateButDone, "no"));
        analyst().get("/purchase-orders/{id}?minVersion=1", lateButDone.value()).then().statusCode(200);
        analyst().get("/purchase-orders/{id}?minVersion=0", late.value()).then().statusCode(200)
                .body("overdue", equalTo(true));
        analyst().get("/purchase-orders/{id}?minVersion=0", onTime.value()).then().statusCode(200);

        analyst().get("/purchase-orders?supplier={s}&overdue=true", supplier).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(late.aggregateId()));
        analyst().get("/purchase-orders?supplier={s}&overdue=false&sort=-expectedDeliveryDate", supplier)
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(onTime.aggregateId(), lateButDone.aggregateId())));
        analyst().get("/purchase-orders?overdue=yes").then().statusCode(400).body("errors.field", hasItem("overdue"));
    }
}
