package io.supplyline.query.suppliers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
        analyst().get("/suppliers/performance?sort=rating").then().statusCode(400)
                .body("errors.field", contains("sort"));
    }

    private static SupplierCode registered(String name) {
        SupplierCode supplier = new SupplierCode("SUP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        TOPIC.publish("Supplier", supplier.aggregateId(), 0, new SupplierRegistered(supplier, name, 5));
        return supplier;
    }

    /** Placed, received in full and closed; returns its last version for X-Read-After. */
    private static String fullyReceived(SupplierCode supplier, LocalDate expected) {
        PurchaseOrderId order = placed(supplier, expected, 10);
        received(order, 1, 10);
        TOPIC.publish("PurchaseOrder", order.aggregateId(), 2, new PurchaseOrderFullyReceived(order));
        return order.aggregateId() + "@2";
    }

    /** The codes of every supplier in the order of {@code sort}, with the figure each sorted by. */
    private static JsonPath all(String sort, String readAfter) {
        return analyst().header("X-Read-After", readAfter).get("/suppliers/performance?size=500&sort={s}", sort)
                .then().statusCode(200).extract().jsonPath();
    }

    /**
     * Sorting by a figure the read computes places every supplier, with those that have no figure yet last either
     * way; ties go by code.
     */
    @Test
    void suppliersSortByOnTimeRateAndOrdersWithNoFigureLast() {
        SupplierCode late = registered("Late GmbH");
        SupplierCode half = registered("Half AG");
        SupplierCode punctual = registered("Punctual KG");
        SupplierCode newcomer = registered("Newcomer SE");
        String readAfter = String.join(",", fullyReceived(late, TODAY.minusDays(5)),
                fullyReceived(half, TODAY.plusDays(2)), fullyReceived(half, TODAY.minusDays(5)),
                fullyReceived(punctual, TODAY.plusDays(2)), newcomer.aggregateId() + "@0");
        List<String> ours = List.of(late.value(), half.value(), punctual.value(), newcomer.value());

        JsonPath ascending = all("onTimeRate", readAfter);
        assertThat(ascending.getList("items.code", String.class)).filteredOn(ours::contains)
                .containsExactly(late.value(), half.value(), punctual.value(), newcomer.value());
        assertSortedNullsLast(ascending.getList("items.onTimeDeliveryRate", Float.class), false);
        JsonPath descending = all("-onTimeRate", readAfter);
        assertThat(descending.getList("items.code", String.class)).filteredOn(ours::contains)
                .containsExactly(punctual.value(), half.value(), late.value(), newcomer.value());
        assertSortedNullsLast(descending.getList("items.onTimeDeliveryRate", Float.class), true);
        assertThat(descending.getInt("total")).isEqualTo(descending.getList("items").size());

        assertThat(all("-orders", readAfter).getList("items.code", String.class)).filteredOn(ours::contains)
                .as("2 orders, then 1 each by code, then none").startsWith(half.value()).endsWith(newcomer.value());
        analyst().get("/suppliers/performance?sort=-onTimeRate&size=1&page=0").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("total", equalTo(descending.getInt("total")));
    }

    /** Every figure sorts both ways with suppliers that lack it last. */
    @Test
    void everyFigureSortsBothWays() {
        Map<String, String> fields = Map.of("onTimeRate", "onTimeDeliveryRate", "fillRate", "fillRate",
                "averageLeadTimeDays", "averageLeadTimeDays", "overdueOrders", "openLatePurchaseOrders",
                "orders", "purchaseOrders");
        SupplierCode supplier = registered("Any GmbH");
        String readAfter = fullyReceived(supplier, TODAY.plusDays(1));
        fields.forEach((sort, field) -> {
            for (boolean descending : new boolean[] {false, true}) {
                List<Float> values = all((descending ? "-" : "") + sort, readAfter)
                        .getList("items." + field, Float.class);
                assertThat(values).as(sort).isNotEmpty();
                assertSortedNullsLast(values, descending);
            }
        });
    }

    private static void assertSortedNullsLast(List<Float> values, boolean descending) {
        List<Float> present = values.stream().takeWhile(Objects::nonNull).toList();
        assertThat(values.subList(present.size(), values.size())).as("no figure: last").allMatch(Objects::isNull);
        assertThat(present).isSortedAccordingTo(descending ? Comparator.reverseOrder() : Comparator.naturalOrder());
    }
}
