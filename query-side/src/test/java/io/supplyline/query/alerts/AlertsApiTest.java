package io.supplyline.query.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockIssued;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.inventory.StockReserved;
import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.PurchaseOrderCancelled;
import io.supplyline.events.purchasing.PurchaseOrderFullyReceived;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.PurchaseOrderLine;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.events.purchasing.ReceivedLine;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelayed;
import io.supplyline.events.shipping.ShipmentDelivered;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.supplier.SupplierRegistered;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.query.EventTopicWriter;

/** Seeded scenarios: each alert opens when it should, names its cause, resolves, and stays silent otherwise. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class AlertsApiTest {

    private static final EventTopicWriter TOPIC = new EventTopicWriter();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @AfterAll
    static void closeTopic() {
        TOPIC.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** The subject's alerts, oldest first, once the alert projection has applied {@code aggregateId@version}. */
    private static List<Map<String, Object>> alertsOf(String subject, String readAfter) {
        return given().auth().basic("analyst", "analyst").header("X-Read-After", readAfter)
                .get("/alerts?subject={s}&sort=openedAt", subject)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static final class Item {
        final StockItemId id;
        long sequence;

        Item(int reorderPoint, int reorderQuantity) {
            this(unique("WH"), reorderPoint, reorderQuantity);
        }

        Item(String warehouse, int reorderPoint, int reorderQuantity) {
            String sku = unique("SKU");
            id = StockItemId.of(warehouse, sku);
            Sku product = new Sku(sku);
            TOPIC.publish("Product", product.aggregateId(), 0,
                    new ProductRegistered(product, sku, "EA", new ReorderPolicy(reorderPoint, reorderQuantity)));
        }

        String publish(Object event) {
            TOPIC.publish("StockItem", id.aggregateId(), sequence, event);
            return id.aggregateId() + "@" + sequence++;
        }

        String publishAt(Object event, Instant at) {
            TOPIC.publishAt("StockItem", id.aggregateId(), sequence, event, at);
            return id.aggregateId() + "@" + sequence++;
        }

        /** A purchase order of {@code units} of this item, to its warehouse. */
        PurchaseOrderId ordered(int units) {
            PurchaseOrderId order = PurchaseOrderId.random();
            TOPIC.publish("PurchaseOrder", order.aggregateId(), 0, new PurchaseOrderPlaced(order, new SupplierCode("ACME"),
                    id.warehouse(), TODAY.plusDays(7), List.of(new PurchaseOrderLine(id.sku(), Quantity.of(units),
                    new Money(BigDecimal.ONE, "EUR")))));
            return order;
        }
    }

    @Test
    void lowStockThenStockoutOpenAndResolveWithTheirCausesAndASuggestedOrder() {
        Item item = new Item(10, 50);
        item.publish(new StockReceived(item.id, Quantity.of(30), "DN"));
        String reserved = item.publish(new StockReserved(item.id, "order:1/X", Quantity.of(25)));
        List<Map<String, Object>> alerts = alertsOf(item.id.aggregateId(), reserved);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0)).containsEntry("type", "LOW_STOCK").containsEntry("state", "OPEN")
                .containsEntry("suggestedReorderQuantity", 55).containsEntry("sku", item.id.sku().value());

        item.publish(new StockIssued(item.id, "order:1/X", Quantity.of(25)));
        String damaged = item.publish(new StockAdjusted(item.id, -5, AdjustmentReason.DAMAGE, "forklift"));
        alerts = alertsOf(item.id.aggregateId(), damaged);
        assertThat(alerts).extracting(a -> a.get("type") + " " + a.get("state"))
                .containsExactly("LOW_STOCK RESOLVED", "STOCKOUT OPEN");

        String restocked = item.publish(new StockReceived(item.id, Quantity.of(100), "DN"));
        alerts = alertsOf(item.id.aggregateId(), restocked);
        assertThat(alerts).extracting(a -> a.get("state")).containsOnly("RESOLVED");
        assertThat(alerts.get(1).get("resolvedBy")).isNotNull();
        assertThat((List<?>) alerts.get(1).get("causedBy")).hasSize(1);
    }

    /**
     * A stock alert cues a reorder of what the policy suggests while nothing is on its way to the item: not while a
     * purchase order still brings some, again once it is cancelled; a stockout suggests a quantity too.
     */
    @Test
    void aStockAlertSaysReorderNowOnlyWhileNothingIsOnItsWay() {
        Item item = new Item(10, 50);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        item.publishAt(new StockReceived(item.id, Quantity.of(30), "DN"), start);
        String low = item.publishAt(new StockReserved(item.id, "order:1/X", Quantity.of(25)), start.plusSeconds(10));
        assertThat(alertsOf(item.id.aggregateId(), low)).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("type", "LOW_STOCK").containsEntry("suggestedReorderQuantity", 55)
                .containsEntry("reorderNow", true).containsEntry("durationSeconds", null));

        PurchaseOrderId order = item.ordered(40);
        assertThat(alertsOf(item.id.aggregateId(), order.aggregateId() + "@0")).singleElement().satisfies(alert ->
                assertThat(alert).containsEntry("state", "OPEN").containsEntry("reorderNow", false)
                        .containsEntry("suggestedReorderQuantity", 55));
        TOPIC.publish("PurchaseOrder", order.aggregateId(), 1,
                new GoodsReceived(order, item.id.warehouse(), List.of(new ReceivedLine(item.id.sku(), Quantity.of(15)))));
        assertThat(alertsOf(item.id.aggregateId(), order.aggregateId() + "@1")).singleElement().satisfies(alert ->
                assertThat(alert).as("25 still on the way").containsEntry("reorderNow", false));
        TOPIC.publish("PurchaseOrder", order.aggregateId(), 2, new PurchaseOrderCancelled(order, "supplier gone"));
        assertThat(alertsOf(item.id.aggregateId(), order.aggregateId() + "@2")).singleElement().satisfies(alert ->
                assertThat(alert).containsEntry("reorderNow", true));

        item.publishAt(new StockIssued(item.id, "order:1/X", Quantity.of(25)), start.plusSeconds(100));
        String out = item.publishAt(new StockAdjusted(item.id, -5, AdjustmentReason.DAMAGE, null),
                start.plusSeconds(100).plusMillis(700));
        List<Map<String, Object>> alerts = alertsOf(item.id.aggregateId(), out);
        assertThat(alerts).extracting(a -> a.get("type") + " " + a.get("state"))
                .containsExactly("LOW_STOCK RESOLVED", "STOCKOUT OPEN");
        assertThat(alerts.get(0)).containsEntry("durationSeconds", 90).containsEntry("reorderNow", false);
        assertThat(alerts.get(1)).as("10 - 0 + 50").containsEntry("suggestedReorderQuantity", 60)
                .containsEntry("reorderNow", true).containsEntry("durationSeconds", null);
    }

    /** A stockout while a purchase order is on its way cues no reorder; an item only ordered so far has no stockout. */
    @Test
    void aStockoutWithStockOnItsWaySuggestsButDoesNotCueAReorder() {
        Item item = new Item(5, 20);
        PurchaseOrderId order = item.ordered(100);
        Sku sku = item.id.sku();
        TOPIC.publish("Product", sku.aggregateId(), 1, new ReorderPolicyChanged(sku, new ReorderPolicy(6, 20)));
        // The alert projection has applied the policy change when the product's version 1 is visible to it.
        assertThat(alertsOf(item.id.aggregateId(), order.aggregateId() + "@0," + sku.aggregateId() + "@1"))
                .as("never stocked: nothing to run out of").isEmpty();

        item.publish(new StockAdjusted(item.id, 1, AdjustmentReason.FOUND, null));
        String out = item.publish(new StockAdjusted(item.id, -1, AdjustmentReason.LOSS, null));
        assertThat(alertsOf(item.id.aggregateId(), out)).filteredOn(alert -> "STOCKOUT".equals(alert.get("type")))
                .singleElement().satisfies(alert -> assertThat(alert).containsEntry("state", "OPEN")
                        .containsEntry("suggestedReorderQuantity", 26).containsEntry("reorderNow", false));
    }

    /** Groups count what the list holds under the same filters, the largest first, with their newest opening. */
    @Test
    void alertGroupsCountByTypeLargestFirst() {
        String warehouse = unique("WH");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Item item = new Item(warehouse, 0, 1);
            item.publishAt(new StockReceived(item.id, Quantity.of(5), "DN"), start);
            applied.add(item.publishAt(new StockAdjusted(item.id, -5, AdjustmentReason.LOSS, null),
                    start.plusSeconds(60 * (i + 1))));
        }
        Item low = new Item(warehouse, 10, 1);
        applied.add(low.publishAt(new StockReceived(low.id, Quantity.of(4), "DN"), start.plusSeconds(30)));
        Item restocked = new Item(warehouse, 10, 1);
        restocked.publishAt(new StockReceived(restocked.id, Quantity.of(4), "DN"), start.plusSeconds(20));
        applied.add(restocked.publishAt(new StockReceived(restocked.id, Quantity.of(100), "DN"), start.plusSeconds(40)));

        given().auth().basic("analyst", "analyst").header("X-Read-After", String.join(",", applied))
                .get("/alerts/groups?warehouse={w}&state=OPEN", warehouse)
                .then().statusCode(200)
                .body("groups.type", contains("STOCKOUT", "LOW_STOCK"))
                .body("groups.count", contains(3, 1))
                .body("groups.latestAt", contains(start.plusSeconds(180).toString(), start.plusSeconds(30).toString()));
        given().auth().basic("analyst", "analyst").get("/alerts/groups?warehouse={w}", warehouse)
                .then().statusCode(200)
                .body("groups.type", contains("STOCKOUT", "LOW_STOCK"))
                .body("groups.count", contains(3, 2));
        given().auth().basic("analyst", "analyst").get("/alerts/groups?warehouse={w}&state=RESOLVED", warehouse)
                .then().statusCode(200)
                .body("groups.type", contains("LOW_STOCK"))
                .body("groups.count", contains(1))
                .body("groups.latestAt", contains(start.plusSeconds(20).toString()));
        given().auth().basic("analyst", "analyst").get("/alerts/groups?warehouse={w}&type=LOW_STOCK", warehouse)
                .then().statusCode(200)
                .body("groups.count", contains(2));
        given().auth().basic("analyst", "analyst").get("/alerts/groups?type=GREMLINS").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("type"));
        given().auth().basic("operator", "operator").get("/alerts/groups").then().statusCode(403);
    }

    @Test
    void anOutsizedAdjustmentIsAnomalousAndOrdinaryOnesAreNot() {
        Item item = new Item(0, 1);
        item.publish(new StockReceived(item.id, Quantity.of(500), "DN"));
        String last = null;
        for (int delta : new int[] {-1, 2, -2, 1, -3, 2}) {
            last = item.publish(new StockAdjusted(item.id, delta, AdjustmentReason.CYCLE_COUNT, null));
        }
        assertThat(alertsOf(item.id.aggregateId(), last)).as("ordinary adjustments").isEmpty();

        String outlier = item.publish(new StockAdjusted(item.id, -40, AdjustmentReason.LOSS, "pallet missing"));
        List<Map<String, Object>> alerts = alertsOf(item.id.aggregateId(), outlier);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0)).containsEntry("type", "ANOMALOUS_ADJUSTMENT").containsEntry("state", "OPEN");

        String ordinary = item.publish(new StockAdjusted(item.id, 1, AdjustmentReason.FOUND, null));
        assertThat(alertsOf(item.id.aggregateId(), ordinary)).extracting(a -> a.get("state")).containsExactly("RESOLVED");
    }

    @Test
    void aPurchaseOrderStillExpectedAfterItsDayIsOverdueUntilItArrives() {
        PurchaseOrderId late = PurchaseOrderId.random();
        PurchaseOrderId onTime = PurchaseOrderId.random();
        for (PurchaseOrderId order : List.of(late, onTime)) {
            LocalDate expected = order == late ? TODAY.minusDays(2) : TODAY.plusDays(2);
            TOPIC.publish("PurchaseOrder", order.aggregateId(), 0, new PurchaseOrderPlaced(order,
                    new SupplierCode("ACME"), new WarehouseCode("BER-1"), expected, List.of(new PurchaseOrderLine(
                    new Sku("BOLT"), Quantity.of(10), new Money(BigDecimal.ONE, "EUR")))));
        }
        assertThat(alertsOf(late.aggregateId(), late.aggregateId() + "@0"))
                .extracting(a -> a.get("type") + " " + a.get("state")).containsExactly("OVERDUE_PURCHASE_ORDER OPEN");
        assertThat(alertsOf(onTime.aggregateId(), onTime.aggregateId() + "@0")).isEmpty();

        TOPIC.publish("PurchaseOrder", late.aggregateId(), 1, new PurchaseOrderFullyReceived(late));
        assertThat(alertsOf(late.aggregateId(), late.aggregateId() + "@1")).extracting(a -> a.get("state"))
                .containsExactly("RESOLVED");
    }

    @Test
    void aShipmentDelayedPastItsPromiseAlertsUntilDelivered() {
        ShipmentId delayed = ShipmentId.random();
        ShipmentId punctual = ShipmentId.random();
        for (ShipmentId shipment : List.of(delayed, punctual)) {
            TOPIC.publish("Shipment", shipment.aggregateId(), 0, new ShipmentCreated(shipment, SalesOrderId.random(),
                    new WarehouseCode("BER-1"), "DHL", "JD1", TODAY.plusDays(2)));
            TOPIC.publish("Shipment", shipment.aggregateId(), 1,
                    new ShipmentDispatched(shipment, SalesOrderId.random(), Instant.now()));
        }
        TOPIC.publish("Shipment", delayed.aggregateId(), 2,
                new ShipmentDelayed(delayed, TODAY.plusDays(2), TODAY.plusDays(4), "storm"));
        assertThat(alertsOf(delayed.aggregateId(), delayed.aggregateId() + "@2"))
                .extracting(a -> a.get("type") + " " + a.get("state")).containsExactly("DELAYED_SHIPMENT OPEN");
        assertThat(alertsOf(punctual.aggregateId(), punctual.aggregateId() + "@1")).isEmpty();

        TOPIC.publish("Shipment", delayed.aggregateId(), 3,
                new ShipmentDelivered(delayed, SalesOrderId.random(), Instant.now(), "J. Doe"));
        assertThat(alertsOf(delayed.aggregateId(), delayed.aggregateId() + "@3")).extracting(a -> a.get("state"))
                .containsExactly("RESOLVED");
    }

    @Test
    void unknownFiltersAreRefused() {
        given().auth().basic("analyst", "analyst").get("/alerts?type=GREMLINS").then().statusCode(400);
        given().auth().basic("analyst", "analyst").get("/alerts?state=ANGRY").then().statusCode(400);
    }

    /**
     * Orders of one SKU from one warehouse, one per hour, the last in the current hour.
     *
     * @return the orders as an X-Read-After value
     */
    private static String ordersPerHour(StockItemId item, int... unitsPerHour) {
        Instant firstHour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(unitsPerHour.length - 1, ChronoUnit.HOURS);
        List<String> orders = new ArrayList<>();
        for (int hour = 0; hour < unitsPerHour.length; hour++) {
            SalesOrderId order = SalesOrderId.random();
            TOPIC.publishAt("SalesOrder", order.aggregateId(), 0, new OrderPlaced(order, "Bauhaus KG", item.warehouse(),
                    TODAY.plusDays(3), List.of(new OrderLine(item.sku(), Quantity.of(unitsPerHour[hour])))),
                    firstHour.plus(hour, ChronoUnit.HOURS).plusSeconds(60));
            orders.add(order.aggregateId() + "@0");
        }
        return String.join(",", orders);
    }

    @Test
    void anHourWithFarMoreOrdersThanUsualIsADemandSpikeAndSteadyDemandIsNot() {
        Item spiking = new Item(0, 1);
        Item steady = new Item(0, 1);
        String spiked = ordersPerHour(spiking.id, 5, 6, 4, 5, 60);
        String normal = ordersPerHour(steady.id, 5, 6, 4, 5, 7);
        assertThat(alertsOf(spiking.id.aggregateId(), spiked))
                .extracting(a -> a.get("type") + " " + a.get("state")).containsExactly("DEMAND_SPIKE OPEN");
        assertThat(alertsOf(steady.id.aggregateId(), normal)).isEmpty();
    }

    @Test
    void stockThatRunsOutBeforeTheSupplierCanDeliverIsAProjectedStockout() {
        SupplierCode supplier = new SupplierCode(unique("SUP"));
        TOPIC.publish("Supplier", supplier.aggregateId(), 0, new SupplierRegistered(supplier, "Slow AG", 10));
        Item scarce = new Item(0, 1);
        Item plenty = new Item(0, 1);
        List<String> demand = new ArrayList<>();
        for (Item item : List.of(scarce, plenty)) {
            PurchaseOrderId order = PurchaseOrderId.random();
            TOPIC.publish("PurchaseOrder", order.aggregateId(), 0, new PurchaseOrderPlaced(order, supplier,
                    item.id.warehouse(), TODAY.plusDays(10), List.of(new PurchaseOrderLine(item.id.sku(), Quantity.of(10),
                    new Money(BigDecimal.ONE, "EUR")))));
            demand.add(ordersPerHour(item.id, 10, 10, 10, 10, 10) + "," + order.aggregateId() + "@0,"
                    + supplier.aggregateId() + "@0");
        }
        // About 5 units an hour are ordered: 100 last under a day, 100,000 for years.
        String scarceStock = scarce.publish(new StockReceived(scarce.id, Quantity.of(100), "DN"));
        String plentyStock = plenty.publish(new StockReceived(plenty.id, Quantity.of(100_000), "DN"));
        List<Map<String, Object>> alerts = alertsOf(scarce.id.aggregateId(), scarceStock + "," + demand.get(0));
        assertThat(alerts).extracting(a -> a.get("type") + " " + a.get("state")).containsExactly("PROJECTED_STOCKOUT OPEN");
        assertThat((String) alerts.get(0).get("detail")).contains("takes 10 days from " + supplier.value());
        assertThat(alertsOf(plenty.id.aggregateId(), plentyStock + "," + demand.get(1))).isEmpty();
    }
}
