package io.supplyline.command.inventory;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.registerProduct;
import static io.supplyline.command.ApiMother.registerWarehouse;
import static io.supplyline.command.ApiMother.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supplyline.command.EventStoreRows;
import io.supplyline.command.axon.AxonConfiguration;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Quantity;
import io.supplyline.events.inventory.StockItemId;

/**
 * With the test threshold of 5 events, a stock item soon has a snapshot; dropped from memory, it is loaded
 * from that snapshot, and its rules must still hold.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class StockItemSnapshotTest {

    @Inject
    EventStoreRows eventStore;

    @Inject
    CommandGateway commands;

    @Inject
    AxonConfiguration axon;

    private static void receive(StockItemId item, int quantity) {
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("quantity", quantity))
                .post("/stock/{warehouse}/{sku}/receipts", item.warehouse().value(), item.sku().value())
                .then().statusCode(200);
    }

    @Test
    void anItemLoadedFromASnapshotKeepsItsStockAndReservations() {
        StockItemId item = StockItemId.of(unique("WH"), unique("SKU"));
        registerWarehouse(item.warehouse().value());
        registerProduct(item.sku().value());
        receive(item, 12);
        commands.sendAndWait(new ReserveStock(item, "order-1/1", Quantity.of(5)));
        for (int i = 0; i < 6; i++) {
            receive(item, 1);
        }
        // Taken on the snapshotter's thread once the command that called for it has committed.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventStore.snapshotCount(item.aggregateId())).isPositive());
        axon.forgetAggregate(item.aggregateId());

        // 18 on hand, 5 reserved: going below the reservation is refused, going down to it is not.
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("delta", -14, "reason", "LOSS"))
                .post("/stock/{warehouse}/{sku}/adjustments", item.warehouse().value(), item.sku().value())
                .then().statusCode(422).body("code", equalTo("BELOW_RESERVED"));
        given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                .body(Map.of("delta", -13, "reason", "LOSS"))
                .post("/stock/{warehouse}/{sku}/adjustments", item.warehouse().value(), item.sku().value())
                .then().statusCode(200).body("version", equalTo(8));
        commands.sendAndWait(new IssueStock(item, "order-1/1"));
        assertThat(eventStore.count(item.aggregateId())).isEqualTo(10);
    }
}
