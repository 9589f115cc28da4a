package io.supplyline.command.feeds;

import static io.supplyline.command.ApiMother.newStockItem;
import static io.supplyline.command.ApiMother.unique;
import static io.supplyline.command.feeds.FeedTopics.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.events.KeyedIds;
import io.supplyline.command.ApiMother.NewStockItem;
import io.supplyline.command.EventStoreRows;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/**
 * Orders from sales channels on supplychain.inbound.orders, through the real broker and PostgreSQL: each record
 * places one order, whose id follows from the record's key, however often the record is delivered.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class OrdersFeedTest {

    private static final String ORDERS = "supplychain.inbound.orders";

    @Inject
    EventStoreRows eventStore;

    @Inject
    Feeds feeds;

    @Inject
    MeterRegistry meters;

    @Test
    void aChannelsOrderIsPlacedAndAllocatedWithTheFeedAsPrincipal() {
        NewStockItem item = stocked(10);
        String recordId = unique("shop-eu");
        FeedTopics.publish(ORDERS, recordId, order(recordId, item, 3));

        String order = orderId(recordId);
        awaitEvents(order, "OrderPlaced", "OrderAllocated");
        assertThat(eventStore.payloads(order).get(0)).contains("\"customer\":\"Baumarkt " + recordId + "\"");
        assertThat(eventStore.metadata(order).get(0)).contains("\"principal\":\"feed:orders\"", "\"sourceRecord\":\"" + ORDERS + "/");
    }

    @Test
    void anOrderDeliveredTwiceAndAgainAfterARestartIsPlacedOnce() throws Exception {
        NewStockItem item = stocked(50);
        String recordId = unique("shop-eu");
        FeedTopics.publish(ORDERS, recordId, order(recordId, item, 1));
        FeedTopics.publish(ORDERS, recordId, order(recordId, item, 1));
        // Without a recordId, the record's place on the topic is its key.
        String withoutId = FeedTopics.publish(ORDERS, "no-id", order(null, item, 2));
        awaitEvents(orderId(recordId), "OrderPlaced", "OrderAllocated");
        awaitEvents("order:" + KeyedIds.newAggregateId("feed:orders", withoutId), "OrderPlaced", "OrderAllocated");

        feeds.stop(null);
        FeedTopics.rewind("supplyline-feed-orders", ORDERS);
        feeds.start(null);
        String marker = unique("marker");
        FeedTopics.publish(ORDERS, marker, order(marker, item, 1));
        awaitEvents(orderId(marker), "OrderPlaced", "OrderAllocated");
        // Two orders took stock from the item before the restart, one after it: 1 + 2 + 1 units.
        assertThat(eventStore.eventTypes(item.aggregateId()))
                .containsExactly("StockReceived", "StockReserved", "StockReserved", "StockReserved");
    }

    @Test
    void refusedAndMalformedOrdersGoToTheRejectedTopicAndTheFeedMovesOn() {
        NewStockItem item = stocked(5);
        String unknownWarehouse = order(unique("o"), new NewStockItem(unique("NOWH"), item.sku()), 1);
        String twoLinesOfOneSku = """
                {"recordId": "%s", "customer": "Baumarkt", "warehouse": "%s", "requestedDeliveryDate": "2026-12-20",
                 "lines": [{"sku": "%s", "quantity": 1}, {"sku": "%s", "quantity": 2}]}"""
                .formatted(unique("o"), item.warehouse(), item.sku(), item.sku());
        String noLines = """
                {"recordId": "%s", "customer": "Baumarkt", "warehouse": "%s", "requestedDeliveryDate": "2026-12-20",
                 "lines": []}""".formatted(unique("o"), item.warehouse());
        String notADate = """
                {"recordId": "%s", "customer": "Baumarkt", "warehouse": "%s", "requestedDeliveryDate": "2026-02-30",
                 "lines": [{"sku": "%s", "quantity": 1}]}""".formatted(unique("o"), item.warehouse(), item.sku());
        for (String value : List.of(unknownWarehouse, twoLinesOfOneSku, noLines, notADate)) {
            FeedTopics.publish(ORDERS, "bad", value);
        }
        String good = unique("good");
        FeedTopics.publish(ORDERS, "bad", order(good, item, 1));

        awaitEvents(orderId(good), "OrderPlaced", "OrderAllocated");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, ConsumerRecord<String, byte[]>> rejected = FeedTopics.rejectedByValue();
            assertThat(header(rejected.get(unknownWarehouse), RejectedRecords.CODE)).isEqualTo("UNKNOWN_WAREHOUSE");
            assertThat(header(rejected.get(twoLinesOfOneSku), RejectedRecords.CODE)).isEqualTo("DUPLICATE_LINE");
            assertThat(header(rejected.get(noLines), RejectedRecords.CODE)).isEqualTo("SCHEMA_VIOLATION");
            assertThat(header(rejected.get(noLines), RejectedRecords.DETAIL)).contains("lines");
            assertThat(header(rejected.get(notADate), RejectedRecords.DETAIL)).contains("requestedDeliveryDate");
        });
    }

    @Test
    void ordersArrivingWhileTheDatabaseIsDownAreEachPlacedOnceWhenItReturns() throws Exception {
        NewStockItem item = stocked(100);
        double retriesBefore = meters.counter("supplyline.feed.retries", "feed", "orders").count();
        List<String> recordIds = new ArrayList<>();
        try (FeedTopics.Outage outage = FeedTopics.closeDatabase()) {
            for (int i = 0; i < 6; i++) {
                String recordId = unique("outage");
                recordIds.add(recordId);
                FeedTopics.publish(ORDERS, recordId, order(recordId, item, 1));
            }
            await().atMost(Duration.ofSeconds(20)).until(
                    () -> meters.counter("supplyline.feed.retries", "feed", "orders").count() > retriesBefore);
        }
        for (String recordId : recordIds) {
            awaitEvents(orderId(recordId), "OrderPlaced", "OrderAllocated");
        }
        assertThat(eventStore.eventTypes(item.aggregateId())).filteredOn("StockReserved"::equals).hasSize(6);
    }

    private static NewStockItem stocked(int quantity) {
        NewStockItem item = newStockItem("SHOP");
        io.restassured.RestAssured.given().auth().basic("operator", "operator")
                .contentType(io.restassured.http.ContentType.JSON).body(Map.of("quantity", quantity))
                .post("/stock/{w}/{s}/receipts", item.warehouse(), item.sku()).then().statusCode(200);
        return item;
    }

    private static String order(String recordId, NewStockItem item, int quantity) {
        return """
                {%s"customer": "Baumarkt %s", "warehouse": "%s", "requestedDeliveryDate": "2026-12-20",
                 "lines": [{"sku": "%s", "quantity": %d}]}"""
                .formatted(recordId == null ? "" : "\"recordId\": \"" + recordId + "\", ", recordId == null ? "direct" : recordId,
                        item.warehouse(),
                        item.sku(), quantity);
    }

    /** The order a record with this id places: its id follows from the feed and the key. */
    private static String orderId(String recordId) {
        return "order:" + KeyedIds.newAggregateId("feed:orders", recordId);
    }

    private void awaitEvents(String aggregateId, String... types) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(IllegalStateException.class)
                .untilAsserted(() -> assertThat(eventStore.eventTypes(aggregateId)).containsExactly(types));
    }
}
