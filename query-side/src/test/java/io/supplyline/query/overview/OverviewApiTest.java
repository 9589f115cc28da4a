package io.supplyline.query.overview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.OrderAllocated;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.query.EventTopicWriter;

/** The overview counts each aggregate once under its current status and each event once per hour. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class OverviewApiTest {

    private static final EventTopicWriter TOPIC = new EventTopicWriter();
    private static final WarehouseCode BER = new WarehouseCode("BER-1");

    @AfterAll
    static void closeTopic() {
        TOPIC.close();
    }

    private static JsonPath overview() {
        return given().auth().basic("analyst", "analyst").get("/overview").then().statusCode(200).extract().jsonPath();
    }

    private static long count(JsonPath overview, String path) {
        Object value = overview.get(path);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Other tests' events may still be arriving: wait until two reads a second apart agree. */
    private static JsonPath settledOverview() {
        JsonPath[] last = {overview()};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonPath now = overview();
            boolean same = now.prettify().equals(last[0].prettify());
            last[0] = now;
            return same;
        });
        return last[0];
    }

    @Test
    void statusCountsFollowEachAggregateAndHourlyThroughputCountsEachEventOnce() {
        JsonPath before = settledOverview();
        // An hour nobody else uses: the events' own timestamps decide the hour.
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(20, ChronoUnit.HOURS);
        SalesOrderId allocated = SalesOrderId.random();
        SalesOrderId placed = SalesOrderId.random();
        List<OrderLine> lines = List.of(new OrderLine(new Sku("BOLT"), Quantity.of(3)));
        for (SalesOrderId order : List.of(allocated, placed)) {
            TOPIC.publishAt("SalesOrder", order.aggregateId(), 0,
                    new OrderPlaced(order, "Bauhaus KG", BER, LocalDate.of(2026, 12, 3), lines), hour.plusSeconds(60));
        }
        TOPIC.publishAt("SalesOrder", allocated.aggregateId(), 1, new OrderAllocated(allocated), hour.plusSeconds(120));
        TOPIC.publish("SalesOrder", allocated.aggregateId(), 1, new OrderAllocated(allocated), 2);
        ShipmentId shipment = ShipmentId.random();
        TOPIC.publishAt("Shipment", shipment.aggregateId(), 0, new ShipmentCreated(shipment, allocated, BER, "DHL", "JD1",
                LocalDate.of(2026, 12, 3)), hour.plusSeconds(180));
        TOPIC.publishAt("Shipment", shipment.aggregateId(), 1, new ShipmentDispatched(shipment, allocated,
                hour.plusSeconds(240)), hour.plusSeconds(240));

        JsonPath after = given().auth().basic("analyst", "analyst")
                .header("X-Read-After", allocated.aggregateId() + "@1," + placed.aggregateId() + "@0,"
                        + shipment.aggregateId() + "@1")
                .get("/overview").then().statusCode(200).extract().jsonPath();
        assertThat(count(after, "orders.PLACED") - count(before, "orders.PLACED")).isEqualTo(1);
        assertThat(count(after, "orders.ALLOCATED") - count(before, "orders.ALLOCATED")).isEqualTo(1);
        assertThat(count(after, "shipments.DISPATCHED") - count(before, "shipments.DISPATCHED")).isEqualTo(1);
        assertThat(count(after, "shipments.CREATED") - count(before, "shipments.CREATED")).isEqualTo(0);
        Map<String, Object> ourHour = after.getMap("throughput.find { it.hour == '" + hour + "' }.counts");
        assertThat(ourHour).containsEntry("events", 5).containsEntry("ordersPlaced", 2)
                .containsEntry("shipmentsDispatched", 1);
    }
}
