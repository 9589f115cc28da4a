package io.supplyline.command.feeds;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.newStockItem;
import static io.supplyline.command.ApiMother.purchaseOrder;
import static io.supplyline.command.ApiMother.unique;
import static io.supplyline.command.feeds.FeedTopics.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supplyline.command.ApiMother.NewStockItem;
import io.supplyline.command.EventStoreRows;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/**
 * Warehouse scans from supplychain.inbound.scans, through the real broker and PostgreSQL: receipts against a
 * purchase order, counts and damage become the HTTP API's commands, once per record however often it is
 * delivered; refused scans go to the rejected topic.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class ScansFeedTest {

    private static final String SCANS = "supplychain.inbound.scans";

    @Inject
    EventStoreRows eventStore;

    @Inject
    Feeds feeds;

    @Test
    void aReceiptCountAndDamageBecomeThePurchaseOrdersReceiptAndTheItemsAdjustments() {
        NewStockItem item = newStockItem("SCAN");
        String order = purchaseOrder(item, 10);
        publish(item, """
                {"type": "RECEIVED", "purchaseOrderId": "%s", "sku": "%s", "quantity": 10, "scanner": "DOCK-2"}"""
                .formatted(order, item.sku()));
        awaitEvents(order, "PurchaseOrderPlaced", "GoodsReceived", "PurchaseOrderFullyReceived");
        awaitEvents(item.aggregateId(), "StockReceived");

        publish(item, """
                {"type": "COUNTED", "warehouse": "%s", "sku": "%s", "counted": 9, "scanner": "HH-17", "note": "aisle 4"}"""
                .formatted(item.warehouse(), item.sku()));
        publish(item, """
                {"type": "DAMAGED", "warehouse": "%s", "sku": "%s", "quantity": 2, "note": "crushed"}"""
                .formatted(item.warehouse(), item.sku()));
        awaitEvents(item.aggregateId(), "StockReceived", "StockAdjusted", "StockAdjusted");
        List<String> payloads = eventStore.payloads(item.aggregateId());
        assertThat(payloads.get(1)).contains("\"delta\":-1", "CYCLE_COUNT", "Counted 9, 10 on record: Scanner HH-17: aisle 4");
        assertThat(payloads.get(2)).contains("\"delta\":-2", "DAMAGE", "crushed");
    }

    @Test
    void aCountDeliveredAgainAfterStockMovedCorrectsNothingTwice() throws Exception {
        NewStockItem item = newStockItem("RECOUNT");
        operator().body(Map.of("quantity", 20)).post("/stock/{w}/{s}/receipts", item.warehouse(), item.sku())
                .then().statusCode(200);
        String count = """
                {"recordId": "%s", "type": "COUNTED", "warehouse": "%s", "sku": "%s", "counted": 18}"""
                .formatted(unique("count"), item.warehouse(), item.sku());
        publish(item, count);
        publish(item, count);
        publish(item, """
                {"type": "DAMAGED", "warehouse": "%s", "sku": "%s", "quantity": 3}""".formatted(item.warehouse(), item.sku()));
        awaitEvents(item.aggregateId(), "StockReceived", "StockAdjusted", "StockAdjusted");
        operator().body(Map.of("quantity", 5)).post("/stock/{w}/{s}/receipts", item.warehouse(), item.sku())
                .then().statusCode(200);

        feeds.stop(null);
        FeedTopics.rewind("supplyline-feed-scans", SCANS);
        feeds.start(null);
        NewStockItem marker = newStockItem("MARK");
        publish(marker, """
                {"type": "COUNTED", "warehouse": "%s", "sku": "%s", "counted": 0}""".formatted(marker.warehouse(), marker.sku()));
        awaitEvents(marker.aggregateId(), "StockAdjusted");
        assertThat(eventStore.eventTypes(item.aggregateId()))
                .containsExactly("StockReceived", "StockAdjusted", "StockAdjusted", "StockReceived");
    }

    @Test
    void malformedAndRefusedScansGoToTheRejectedTopicAndTheFeedMovesOn() {
        NewStockItem item = newStockItem("BADSCAN");
        String order = purchaseOrder(item, 5);
        String receivedWithWarehouse = """
                {"type": "RECEIVED", "purchaseOrderId": "%s", "warehouse": "%s", "sku": "%s", "quantity": 1}"""
                .formatted(order, item.warehouse(), item.sku());
        String countWithoutCount = """
                {"type": "COUNTED", "warehouse": "%s", "sku": "%s", "note": "%s"}"""
                .formatted(item.warehouse(), item.sku(), unique("n"));
        String overReceipt = """
                {"type": "RECEIVED", "purchaseOrderId": "%s", "sku": "%s", "quantity": 6}""".formatted(order, item.sku());
        String damageOfStockNeverThere = """
                {"type": "DAMAGED", "warehouse": "%s", "sku": "%s", "quantity": 1, "note": "%s"}"""
                .formatted(item.warehouse(), item.sku(), unique("n"));
        String unknownProduct = """
                {"type": "COUNTED", "warehouse": "%s", "sku": "%s", "counted": 1}""".formatted(item.warehouse(), unique("NOPE"));
        for (String value : List.of(receivedWithWarehouse, countWithoutCount, overReceipt, damageOfStockNeverThere,
                unknownProduct)) {
            publish(item, value);
        }
        publish(item, """
                {"type": "RECEIVED", "purchaseOrderId": "%s", "sku": "%s", "quantity": 5}""".formatted(order, item.sku()));

        awaitEvents(order, "PurchaseOrderPlaced", "GoodsReceived", "PurchaseOrderFullyReceived");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, ConsumerRecord<String, byte[]>> rejected = FeedTopics.rejectedByValue();
            assertThat(header(rejected.get(receivedWithWarehouse), RejectedRecords.CODE)).isEqualTo("SCHEMA_VIOLATION");
            assertThat(header(rejected.get(receivedWithWarehouse), RejectedRecords.DETAIL)).contains("warehouse");
            assertThat(header(rejected.get(countWithoutCount), RejectedRecords.DETAIL)).contains("counted");
            assertThat(header(rejected.get(overReceipt), RejectedRecords.CODE)).isEqualTo("OVER_RECEIPT");
            assertThat(header(rejected.get(damageOfStockNeverThere), RejectedRecords.CODE)).isEqualTo("NEGATIVE_STOCK");
            assertThat(header(rejected.get(unknownProduct), RejectedRecords.CODE)).isEqualTo("UNKNOWN_PRODUCT");
            assertThat(header(rejected.get(unknownProduct), RejectedRecords.FEED)).isEqualTo("scans");
        });
    }

    private static io.restassured.specification.RequestSpecification operator() {
        return given().auth().basic("operator", "operator").contentType(ContentType.JSON);
    }

    /** Keyed by the item, as the format asks, so that one item's scans stay in order. */
    private static void publish(NewStockItem item, String value) {
        FeedTopics.publish(SCANS, item.warehouse() + ":" + item.sku(), value);
    }

    private void awaitEvents(String aggregateId, String... types) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(eventStore.eventTypes(aggregateId)).containsExactly(types));
    }
}
