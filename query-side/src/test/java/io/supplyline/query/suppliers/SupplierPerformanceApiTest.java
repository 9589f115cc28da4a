package io.supplyline.query.suppliers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import io.supplyline.events.supplier.SupplierRegistered;
import io.supplyline.events.supplier.SupplierSuspended;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.query.EventTopicWriter;

/** Supplier measures summed from purchase-order events, judged against today. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class SupplierPerformanceApiTest {

    private static final EventTopicWriter TOPIC = new EventTopicWriter();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final WarehouseCode BER = new WarehouseCode("BER-1");
    private static final Sku BOLT = new Sku("BOLT");

    @AfterAll
    static void closeTopic() {
        TOPIC.close();
    }

    private static RequestSpecification analyst() {
        return given().auth().basic("analyst", "analyst");
    }

    private static PurchaseOrderId placed(SupplierCode supplier, LocalDate expected, int units) {
        PurchaseOrderId order = PurchaseOrderId.random();
        TOPIC.publish("PurchaseOrder", order.aggregateId(), 0, new PurchaseOrderPlaced(order, supplier, BER, expected,
                List.of(new PurchaseOrderLine(BOLT, Quantity.of(units), new Money(BigDecimal.ONE, "EUR")))));
        return order;
    }

    private static void received(PurchaseOrderId order, long sequence, int units) {
        TOPIC.publish("PurchaseOrder", order.aggregateId(), sequence,
                new GoodsReceived(order, BER, List.of(new ReceivedLine(BOLT, Quantity.of(units)))));
    }

    @Test
    void onTimeRateFillRateLeadTimeAndLateOrdersComeFromThePurchaseOrders() {
        SupplierCode supplier = new SupplierCode("SUP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        TOPIC.publish("Supplier", supplier.aggregateId(), 0, new SupplierRegistered(supplier, "Acme GmbH", 5));
        PurchaseOrderId delivered = placed(supplier, TODAY.plusDays(2), 100);
        received(delivered, 1, 100);
        TOPIC.publish("PurchaseOrder", delivered.aggregateId(), 2, new PurchaseOrderFullyReceived(delivered));
        PurchaseOrderId late = placed(supplier, TODAY.minusDays(3), 100);
        received(late, 1, 40);
        PurchaseOrderId notDue = placed(supplier, TODAY.plusDays(10), 100);
        PurchaseOrderId cancelled = placed(supplier, TODAY.plusDays(5), 50);
        TOPIC.publish("PurchaseOrder", cancelled.aggregateId(), 1, new PurchaseOrderCancelled(cancelled, "no"));

        analyst().header("X-Read-After", delivered.aggregateId() + "@2," + late.aggregateId() + "@1,"
                        + notDue.aggregateId() + "@0," + cancelled.aggregateId() + "@1," + supplier.aggregateId() + "@0")
                .get("/suppliers/{code}/performance", supplier.value())
                .then().statusCode(200)
                .body("name", equalTo("Acme GmbH"))
                .body("leadTimeDays", equalTo(5))
                .body("purchaseOrders", equalTo(4))
                .body("openPurchaseOrders", equalTo(2))
                .body("openLatePurchaseOrders", equalTo(1))
                .body("deliveredPurchaseOrders", equalTo(1))
                .body("onTimeDeliveryRate", equalTo(1.0f))
                // due or closed: 100 of 100, 40 of 100 (late), 0 of 50 (cancelled); the order not yet due does not count
                .body("fillRate", equalTo(0.56f))
                .body("averageLeadTimeDays", equalTo(0.0f));

        TOPIC.publish("Supplier", supplier.aggregateId(), 1, new SupplierSuspended(supplier, "audit"));
        analyst().header("X-Read-After", supplier.aggregateId() + "@1")
                .get("/suppliers/performance?suspended=true&size=500")
                .then().statusCode(200)
                .body("items.code", hasItem(supplier.value()));
    }

    @Test
    void aSupplierWithoutOrdersHasNoRatesYetAndAnUnknownOneIsNotFound() {
        SupplierCode supplier = new SupplierCode("SUP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        TOPIC.publish("Supplier", supplier.aggregateId(), 0, new SupplierRegistered(supplier, "Newcomer AG", 3));
        analyst().header("X-Read-After", supplier.aggregateId() + "@0")
                .get("/suppliers/{code}/performance", supplier.value())
                .then().statusCode(200)
                .body("purchaseOrders", equalTo(0))
                .body("onTimeDeliveryRate", nullValue())
                .body("fillRate", nullValue());
        analyst().get("/suppliers/NOBODY-{x}/performance", UUID.randomUUID().toString().substring(0, 8))
                .then().statusCode(404);
        analyst().get("/suppliers/performance?sort=fillRate").then().statusCode(400);
    }
}
