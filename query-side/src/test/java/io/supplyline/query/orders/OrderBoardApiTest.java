package io.supplyline.query.orders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
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
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.OrderAllocated;
import io.supplyline.events.fulfilment.OrderBackordered;
import io.supplyline.events.fulfilment.OrderCancelled;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.OrderShipped;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.query.EventTopicWriter;

/** Order events on the real topic become the order board in PostgreSQL, duplicates ignored. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class OrderBoardApiTest {

    private static final EventTopicWriter TOPIC = new EventTopicWriter();

    @AfterAll
    static void closeTopic() {
        TOPIC.close();
    }

    private static RequestSpecification analyst() {
        return given().auth().basic("analyst", "analyst");
    }

    private static SalesOrderId placed(String warehouse, String customer) {
        SalesOrderId order = SalesOrderId.random();
        List<OrderLine> lines = List.of(new OrderLine(new Sku("BOLT"), Quantity.of(20)),
                new OrderLine(new Sku("NUT"), Quantity.of(30)));
        TOPIC.publish("SalesOrder", order.aggregateId(), 0,
                new OrderPlaced(order, customer, new WarehouseCode(warehouse), LocalDate.of(2026, 12, 3), lines));
        return order;
    }

    @Test
    void anOrderMovesAcrossTheBoardAndARedeliveredEventCountsOnce() {
        String warehouse = "WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        SalesOrderId order = placed(warehouse, "Bauhaus KG");
        TOPIC.publish("SalesOrder", order.aggregateId(), 1, new OrderBackordered(order, List.of()), 2);
        TOPIC.publish("SalesOrder", order.aggregateId(), 2, new OrderAllocated(order));

        analyst().get("/orders/{id}?minVersion=2", order.value())
                .then().statusCode(200)
                .body("id", equalTo(order.aggregateId()))
                .body("customer", equalTo("Bauhaus KG"))
                .body("warehouse", equalTo(warehouse))
                .body("status", equalTo("ALLOCATED"))
                .body("lineCount", equalTo(2))
                .body("units", equalTo(50))
                .body("requestedDeliveryDate", equalTo("2026-12-03"))
                .body("version", equalTo(2));
    }

    @Test
    void theBoardFiltersByStatusAndWarehouseAndCountsTheTotal() {
        String warehouse = "WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        SalesOrderId first = placed(warehouse, "Bauhaus KG");
        SalesOrderId second = placed(warehouse, "Obi GmbH");
        placed(warehouse, "Hornbach AG");
        TOPIC.publish("SalesOrder", first.aggregateId(), 1, new OrderAllocated(first));
        TOPIC.publish("SalesOrder", second.aggregateId(), 1, new OrderCancelled(second, "changed plans"));
        analyst().get("/orders/{id}?minVersion=1", second.value()).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        analyst().get("/orders/{id}?minVersion=1", first.value()).then().statusCode(200);

        analyst().get("/orders?warehouse={w}&status=ALLOCATED", warehouse)
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(first.aggregateId()));
        analyst().get("/orders?warehouse={w}&sort=customer&size=2", warehouse)
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.customer", equalTo(List.of("Bauhaus KG", "Hornbach AG")));
    }

    private static SalesOrderId placed(String warehouse, String customer, LocalDate requested) {
        SalesOrderId order = SalesOrderId.random();
        TOPIC.publish("SalesOrder", order.aggregateId(), 0, new OrderPlaced(order, customer, new WarehouseCode(warehouse),
                requested, List.of(new OrderLine(new Sku("BOLT"), Quantity.of(2)))));
        return order;
    }

    /** Allocated, then shipped at {@code at}; returns the order's version then. */
    private static String shipped(SalesOrderId order, Instant at) {
        TOPIC.publish("SalesOrder", order.aggregateId(), 1, new OrderAllocated(order));
        TOPIC.publishAt("SalesOrder", order.aggregateId(), 2, new OrderShipped(order, ShipmentId.random()), at);
        return order.aggregateId() + "@2";
    }

    private static List<String> customers(String warehouse, String filters) {
        return analyst().get("/orders?warehouse={w}&" + filters + "&size=500", warehouse)
                .then().statusCode(200).extract().jsonPath().getList("items.customer");
    }

    /**
     * The board's tabs: open orders, and orders late (shipped after their requested day, or still to ship after it)
     * or shipped; each order carries when it shipped and whether it is late.
     */
    @Test
    void theBoardFiltersOpenLateAndShippedOrders() {
        String warehouse = "WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        SalesOrderId overdue = placed(warehouse, "overdue", today.minusDays(3));
        SalesOrderId notDue = placed(warehouse, "not due", today.plusDays(5));
        SalesOrderId backordered = placed(warehouse, "backordered", today.plusDays(5));
        TOPIC.publish("SalesOrder", backordered.aggregateId(), 1, new OrderBackordered(backordered, List.of()));
        SalesOrderId cancelled = placed(warehouse, "cancelled", today.minusDays(3));
        TOPIC.publish("SalesOrder", cancelled.aggregateId(), 1, new OrderCancelled(cancelled, "changed plans"));
        LocalDate requested = today.minusDays(10);
        SalesOrderId shippedLate = placed(warehouse, "shipped late", requested);
        Instant shippedAt = requested.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis(1);
        SalesOrderId shippedOnTime = placed(warehouse, "shipped on time", requested);
        String readAfter = String.join(",", shipped(shippedLate, shippedAt),
                shipped(shippedOnTime, requested.atTime(23, 59, 59).toInstant(ZoneOffset.UTC)),
                overdue.aggregateId() + "@0", notDue.aggregateId() + "@0", backordered.aggregateId() + "@1",
                cancelled.aggregateId() + "@1");
        analyst().header("X-Read-After", readAfter).get("/orders/{id}", shippedLate.value())
                .then().statusCode(200)
                .body("status", equalTo("SHIPPED"))
                .body("shippedAt", equalTo(shippedAt.toString()))
                .body("late", equalTo(true));
        analyst().get("/orders/{id}", notDue.value()).then().statusCode(200)
                .body("shippedAt", nullValue())
                .body("late", equalTo(false));

        assertThat(customers(warehouse, "open=true")).containsExactlyInAnyOrder("overdue", "not due", "backordered");
        assertThat(customers(warehouse, "open=false"))
                .containsExactlyInAnyOrder("cancelled", "shipped late", "shipped on time");
        assertThat(customers(warehouse, "late=true")).containsExactlyInAnyOrder("overdue", "shipped late");
        assertThat(customers(warehouse, "late=false"))
                .containsExactlyInAnyOrder("not due", "backordered", "cancelled", "shipped on time");
        assertThat(customers(warehouse, "shipped=true")).containsExactlyInAnyOrder("shipped late", "shipped on time");
        assertThat(customers(warehouse, "shipped=false"))
                .containsExactlyInAnyOrder("overdue", "not due", "backordered", "cancelled");
        assertThat(customers(warehouse, "shipped=true&late=true")).containsExactly("shipped late");
        assertThat(customers(warehouse, "status=BACKORDERED")).containsExactly("backordered");
        assertThat(analyst().get("/orders?warehouse={w}&open=true&late=true", warehouse).then().statusCode(200)
                .extract().jsonPath().getList("items.late", Boolean.class)).containsExactly(true);
    }

    @Test
    void badParametersAreRefusedAndAnUnknownOrderIsNotFound() {
        analyst().get("/orders?status=LOST").then().statusCode(400).body("errors.field", hasItem("status"));
        analyst().get("/orders?sort=password").then().statusCode(400).body("errors.field", hasItem("sort"));
        analyst().get("/orders?open=maybe&late=yes&shipped=1").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("open", "late", "shipped"));
        analyst().get("/orders/not-a-uuid").then().statusCode(400);
        // PostgreSQL cannot compare text with a NUL: refused before it reaches the database.
        analyst().queryParam("customer", "Bau\u0000haus").get("/orders").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_PARAMETER"))
                .body("errors.field", hasItem("customer"));
        analyst().get("/orders/{id}", UUID.randomUUID()).then().statusCode(404);
        given().get("/orders").then().statusCode(401);
        given().auth().basic("operator", "operator").get("/orders").then().statusCode(403);
    }

    /** Every read takes X-Read-After: it waits for the named writes of the aggregates its read model follows. */
    @Test
    void aListReadAfterAWriteIncludesIt() {
        String warehouse = "WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        SalesOrderId order = placed(warehouse, "Bauhaus KG");
        TOPIC.publish("SalesOrder", order.aggregateId(), 1, new OrderAllocated(order));

        analyst().header("X-Read-After", order.aggregateId() + "@1")
                .header("X-Read-After", "shipment:" + UUID.randomUUID() + "@7, stock:X:Y@3")
                .get("/orders?warehouse={w}", warehouse)
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].status", equalTo("ALLOCATED"));
        analyst().header("X-Read-After", "order-without-version").get("/orders")
                .then().statusCode(400).body("code", equalTo("INVALID_READ_AFTER"));
        analyst().header("X-Read-After", order.aggregateId() + "@9").get("/orders/{id}", order.value())
                .then().statusCode(504).body("code", equalTo("READ_MODEL_BEHIND"));
    }
}
