package io.supplyline.query.overview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.OrderAllocated;
import io.supplyline.events.fulfilment.OrderBackordered;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.query.EventTopicWriter;

/**
 * The overview counts each aggregate once under its current status and each event once per hour and minute;
 * the throughput ranges and the backorder trend come from those counts.
 */
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

    private static RequestSpecification analyst() {
        return given().auth().basic("analyst", "analyst");
    }

    /**
     * An hour of a half year that no other test stamps its events with (each test here its own half), so what
     * happens around it is this test's alone.
     */
    private static Instant unusedHourFrom(String start) {
        return Instant.parse(start).plus(ThreadLocalRandom.current().nextInt(4000), ChronoUnit.HOURS);
    }

    private static OrderPlaced placed(SalesOrderId order) {
        return new OrderPlaced(order, "Bauhaus KG", BER, LocalDate.of(2025, 12, 3),
                List.of(new OrderLine(new Sku("BOLT"), Quantity.of(3))));
    }

    /**
     * Minute buckets count the events of their own minute; the backorder trend moves up in the minute an order is
     * backordered and down in the minute it is allocated, and is what was backordered then, not now.
     */
    @Test
    void theLastHourHasOneBucketPerMinuteAndTheBackorderTrendFollowsTheEventsTime() {
        Instant hour = unusedHourFrom("2025-01-01T00:00:00Z");
        SalesOrderId first = SalesOrderId.random();
        SalesOrderId second = SalesOrderId.random();
        TOPIC.publishAt("SalesOrder", first.aggregateId(), 0, placed(first), hour.plusSeconds(5 * 60 + 10));
        TOPIC.publishAt("SalesOrder", second.aggregateId(), 0, placed(second), hour.plusSeconds(7 * 60 + 20));
        TOPIC.publishAt("SalesOrder", second.aggregateId(), 1, new OrderBackordered(second, List.of()),
                hour.plusSeconds(7 * 60 + 30));
        TOPIC.publishAt("SalesOrder", first.aggregateId(), 1, new OrderBackordered(first, List.of()),
                hour.plusSeconds(9 * 60));
        TOPIC.publishAt("SalesOrder", first.aggregateId(), 2, new OrderAllocated(first), hour.plusSeconds(12 * 60 + 59));
        // Backordered now, and only now: it is not backordered at any minute of that hour.
        SalesOrderId current = SalesOrderId.random();
        TOPIC.publish("SalesOrder", current.aggregateId(), 0, placed(current));
        TOPIC.publish("SalesOrder", current.aggregateId(), 1, new OrderBackordered(current, List.of()));

        JsonPath throughput = analyst()
                .header("X-Read-After", first.aggregateId() + "@2," + second.aggregateId() + "@1,"
                        + current.aggregateId() + "@1")
                .get("/overview/throughput?range=hour&until={until}", hour.plusSeconds(59 * 60 + 59).toString())
                .then().statusCode(200)
                .body("range", equalTo("hour"))
                .body("bucketSeconds", equalTo(60))
                .body("from", equalTo(hour.toString()))
                .body("until", equalTo(hour.plus(1, ChronoUnit.HOURS).toString()))
                .body("buckets.size()", equalTo(60))
                .body("buckets[1].start", equalTo(hour.plusSeconds(60).toString()))
                .extract().jsonPath();
        List<Integer> events = throughput.getList("buckets.events");
        assertThat(events.get(5)).isEqualTo(1);
        assertThat(events.get(7)).isEqualTo(2);
        assertThat(events.get(9)).isEqualTo(1);
        assertThat(events.get(12)).isEqualTo(1);
        assertThat(events.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
        List<Integer> placedPerMinute = throughput.getList("buckets.ordersPlaced");
        assertThat(placedPerMinute.get(5)).isEqualTo(1);
        assertThat(placedPerMinute.get(7)).isEqualTo(1);
        List<Integer> backorders = throughput.getList("buckets.backorders");
        assertThat(backorders.get(7)).isEqualTo(1);
        assertThat(backorders.get(9)).isEqualTo(1);
        assertThat(backorders.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
        List<Integer> open = throughput.getList("buckets.openBackorders");
        assertThat(open.subList(0, 7)).containsOnly(0);
        assertThat(open.subList(7, 9)).containsOnly(1);
        assertThat(open.subList(9, 12)).containsOnly(2);
        assertThat(open.subList(12, 60)).containsOnly(1);
    }

    /** A replay of old history fills old buckets: an event counts in the hour of its own time, whenever it arrives. */
    @Test
    void anOldEventArrivingNowLandsInItsOwnHourOfTheDayAndTheWeek() {
        Instant hour = unusedHourFrom("2025-07-01T00:00:00Z");
        StockItemId item = StockItemId.of("BER-1", "BOLT-" + ThreadLocalRandom.current().nextInt(1_000_000));
        TOPIC.publishAt("StockItem", item.aggregateId(), 0, new StockAdjusted(item, 4, AdjustmentReason.FOUND, null),
                hour.plusSeconds(1800));
        TOPIC.publishAt("StockItem", item.aggregateId(), 1, new StockAdjusted(item, -1, AdjustmentReason.LOSS, null),
                hour.plusSeconds(3 * 3600 + 1));
        Instant beforeTheLatest = Instant.now().minusSeconds(1);
        StockItemId latest = StockItemId.of("BER-1", "BOLT-" + ThreadLocalRandom.current().nextInt(1_000_000));
        TOPIC.publish("StockItem", latest.aggregateId(), 0, new StockAdjusted(latest, 1, AdjustmentReason.FOUND, null));

        JsonPath day = analyst().header("X-Read-After", item.aggregateId() + "@1," + latest.aggregateId() + "@0")
                .get("/overview/throughput?range=day&until={until}", hour.plus(5, ChronoUnit.HOURS).toString())
                .then().statusCode(200)
                .body("range", equalTo("day"))
                .body("bucketSeconds", equalTo(3600))
                .body("from", equalTo(hour.minus(18, ChronoUnit.HOURS).toString()))
                .body("buckets.size()", equalTo(24))
                .extract().jsonPath();
        assertThat(day.getList("buckets.adjustments", Integer.class).subList(18, 22)).containsExactly(1, 0, 0, 1);
        assertThat(day.getList("buckets.events", Integer.class).subList(18, 22)).containsExactly(1, 0, 0, 1);
        assertThat(Instant.parse(day.getString("latestEventAt"))).isAfterOrEqualTo(beforeTheLatest);

        analyst().get("/overview/throughput?range=week&until={until}", hour.plus(3, ChronoUnit.HOURS).toString())
                .then().statusCode(200)
                .body("buckets.size()", equalTo(168))
                .body("buckets[164..167].adjustments", contains(1, 0, 0, 1))
                .body("buckets[167].start", equalTo(hour.plus(3, ChronoUnit.HOURS).toString()));
    }

    @Test
    void theThroughputDefaultsToTheHourUpToNowAndRefusesBadParameters() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        JsonPath throughput = analyst().get("/overview/throughput").then().statusCode(200)
                .body("range", equalTo("hour"))
                .body("buckets.size()", equalTo(60))
                .extract().jsonPath();
        assertThat(Instant.parse(throughput.getString("until"))).isAfter(before);
        analyst().get("/overview/throughput?range=week&until=0001-01-01T00:30:00Z").then().statusCode(200)
                .body("from", equalTo("0000-12-25T01:00:00Z"));
        analyst().get("/overview/throughput?range=hour&until=9999-12-31T23:59:59.999999999Z").then().statusCode(200)
                .body("until", equalTo("+10000-01-01T00:00:00Z"));
        analyst().get("/overview/throughput?range=month").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("errors.field", contains("range"));
        analyst().get("/overview/throughput?until=yesterday").then().statusCode(400)
                .body("errors.field", contains("until"));
        analyst().get("/overview/throughput?until=2026-13-01T00:00:00Z").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_PARAMETER"));
        given().get("/overview/throughput").then().statusCode(401);
        given().auth().basic("operator", "operator").get("/overview/throughput").then().statusCode(403);
    }
}
