package io.supplyline.command.inventory;

import static io.supplyline.command.lookup.CatalogMother.SKU;
import static io.supplyline.command.lookup.CatalogMother.WAREHOUSE;
import static io.supplyline.command.rules.Rejections.rejectedWith;

import java.util.Map;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import io.supplyline.command.lookup.CatalogLookup;
import io.supplyline.command.lookup.CatalogMother;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.ExpectedVersion;
import io.supplyline.command.rules.UnknownReference;
import io.supplyline.command.rules.VersionMismatch;
import io.supplyline.events.Quantity;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.inventory.StockReserved;

class StockItemTest {

    private static final StockItemId ITEM = StockItemId.of(WAREHOUSE, SKU);

    private AggregateTestFixture<StockItem> fixture = fixtureKnowing(CatalogMother.standard());

    private static AggregateTestFixture<StockItem> fixtureKnowing(CatalogLookup catalog) {
        AggregateTestFixture<StockItem> fixture = new AggregateTestFixture<>(StockItem.class);
        fixture.registerInjectableResource(catalog);
        return fixture;
    }

    @Test
    void firstReceiptCreatesTheItemAtVersionZero() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveStock(ITEM, Quantity.of(40), "DN-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockReceived(ITEM, Quantity.of(40), "DN-1"))
                .expectResultMessagePayload(0L);
    }

    @Test
    void laterReceiptAnswersTheNextVersion() {
        fixture.given(new StockReceived(ITEM, Quantity.of(40), "DN-1"))
                .when(new ReceiveStock(ITEM, Quantity.of(10), "DN-2"))
                .expectEvents(new StockReceived(ITEM, Quantity.of(10), "DN-2"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void cannotReceiveStockOfAnUnknownProduct() {
        fixture = fixtureKnowing(CatalogMother.knowing(Set.of(), Set.of(WAREHOUSE)));
        fixture.givenNoPriorActivity()
                .when(new ReceiveStock(ITEM, Quantity.of(40), null))
                .expectNoEvents()
                .expectException(rejectedWith(UnknownReference.class, "UNKNOWN_PRODUCT"))
                .expectExceptionMessage("No product with SKU " + SKU);
    }

    @Test
    void cannotReceiveStockIntoAnUnknownWarehouse() {
        fixture = fixtureKnowing(CatalogMother.knowing(Set.of(SKU), Set.of()));
        fixture.givenNoPriorActivity()
                .when(new ReceiveStock(ITEM, Quantity.of(40), null))
                .expectNoEvents()
                .expectException(rejectedWith(UnknownReference.class, "UNKNOWN_WAREHOUSE"))
                .expectExceptionMessage("No warehouse with code " + WAREHOUSE);
    }

    @Test
    void adjustmentCannotLeaveNegativeStockOnHand() {
        fixture.given(new StockReceived(ITEM, Quantity.of(5), null))
                .when(new AdjustStock(ITEM, -6, AdjustmentReason.LOSS, "forklift"))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "NEGATIVE_STOCK"))
                .expectExceptionMessage("Adjusting by -6 would leave -1 on hand");
    }

    @Test
    void adjustmentMayTakeStockDownToZero() {
        fixture.given(new StockReceived(ITEM, Quantity.of(5), null), new StockAdjusted(ITEM, 2, AdjustmentReason.FOUND, null))
                .when(new AdjustStock(ITEM, -7, AdjustmentReason.DAMAGE, "water"))
                .expectEvents(new StockAdjusted(ITEM, -7, AdjustmentReason.DAMAGE, "water"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void adjustmentMustChangeTheQuantity() {
        fixture.given(new StockReceived(ITEM, Quantity.of(5), null))
                .when(new AdjustStock(ITEM, 0, AdjustmentReason.CYCLE_COUNT, null))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "ZERO_ADJUSTMENT"));
    }

    @Test
    void aCountCorrectsOnHandToWhatWasCounted() {
        fixture.given(new StockReceived(ITEM, Quantity.of(42), null))
                .when(new CountStock(ITEM, 40, "aisle 7"))
                .expectEvents(new StockAdjusted(ITEM, -2, AdjustmentReason.CYCLE_COUNT, "Counted 40, 42 on record: aisle 7"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aCountThatMatchesTheBooksIsRecordedAsNoChange() {
        fixture.given(new StockReceived(ITEM, Quantity.of(42), null))
                .when(new CountStock(ITEM, 42, null))
                .expectEvents(new StockAdjusted(ITEM, 0, AdjustmentReason.CYCLE_COUNT, "Counted 42, 42 on record"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aCountCannotLeaveLessOnHandThanIsReserved() {
        fixture.given(new StockReceived(ITEM, Quantity.of(42), null), new StockReserved(ITEM, "line-1", Quantity.of(30)))
                .when(new CountStock(ITEM, 29, null))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "BELOW_RESERVED"));
    }

    @Test
    void negativeAdjustmentOfAnItemNeverReceivedIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new AdjustStock(ITEM, -1, AdjustmentReason.CYCLE_COUNT, null))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "NEGATIVE_STOCK"));
    }

    @Test
    void aCommandForTheCurrentVersionIsAccepted() {
        fixture.given(new StockReceived(ITEM, Quantity.of(5), null), new StockReceived(ITEM, Quantity.of(5), null))
                .when(new ReceiveStock(ITEM, Quantity.of(1), null), Map.of(ExpectedVersion.METADATA_KEY, 1L))
                .expectEvents(new StockReceived(ITEM, Quantity.of(1), null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aCommandForAnOlderVersionIsRefused() {
        fixture.given(new StockReceived(ITEM, Quantity.of(5), null), new StockReceived(ITEM, Quantity.of(5), null))
                .when(new AdjustStock(ITEM, -1, AdjustmentReason.LOSS, null), Map.of(ExpectedVersion.METADATA_KEY, 0L))
                .expectNoEvents()
                .expectException(rejectedWith(VersionMismatch.class, "VERSION_MISMATCH"));
    }

    @Test
    void aCommandExpectingAVersionOfAnItemThatDoesNotExistIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveStock(ITEM, Quantity.of(1), null), Map.of(ExpectedVersion.METADATA_KEY, 0L))
                .expectNoEvents()
                .expectException(rejectedWith(VersionMismatch.class, "VERSION_MISMATCH"));
    }

    @Test
    void foundStockCreatesAnItemNeverReceived() {
        fixture.givenNoPriorActivity()
                .when(new AdjustStock(ITEM, 3, AdjustmentReason.FOUND, "behind rack 4"))
                .expectEvents(new StockAdjusted(ITEM, 3, AdjustmentReason.FOUND, "behind rack 4"));
    }
}
