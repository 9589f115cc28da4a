package io.supplyline.command.inventory;

import static io.supplyline.command.lookup.CatalogMother.SKU;
import static io.supplyline.command.lookup.CatalogMother.WAREHOUSE;
import static io.supplyline.command.rules.Rejections.rejectedWith;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import io.supplyline.command.lookup.CatalogMother;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.events.Quantity;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.ReservationReleased;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockIssued;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.inventory.StockReserved;

class StockReservationTest {

    private static final StockItemId ITEM = StockItemId.of(WAREHOUSE, SKU);

    private final AggregateTestFixture<StockItem> fixture = new AggregateTestFixture<>(StockItem.class);

    StockReservationTest() {
        fixture.registerInjectableResource(CatalogMother.standard());
    }

    @Test
    void reservingAvailableStockHoldsIt() {
        fixture.given(new StockReceived(ITEM, Quantity.of(10), null))
                .when(new ReserveStock(ITEM, "order-1/1", Quantity.of(10)))
                .expectEvents(new StockReserved(ITEM, "order-1/1", Quantity.of(10)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void cannotReserveWhatOtherReservationsAlreadyHold() {
        fixture.given(new StockReceived(ITEM, Quantity.of(10), null), new StockReserved(ITEM, "order-1/1", Quantity.of(7)))
                .when(new ReserveStock(ITEM, "order-2/1", Quantity.of(4)))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "INSUFFICIENT_STOCK"));
    }

    @Test
    void cannotReserveFromAnItemNeverReceived() {
        fixture.givenNoPriorActivity()
                .when(new ReserveStock(ITEM, "order-1/1", Quantity.of(1)))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "INSUFFICIENT_STOCK"));
    }

    @Test
    void aReservationIdHoldsOneReservation() {
        fixture.given(new StockReceived(ITEM, Quantity.of(10), null), new StockReserved(ITEM, "order-1/1", Quantity.of(2)))
                .when(new ReserveStock(ITEM, "order-1/1", Quantity.of(2)))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "RESERVATION_EXISTS"));
    }

    @Test
    void aReleasedReservationMakesItsQuantityAvailableAgain() {
        fixture.given(new StockReceived(ITEM, Quantity.of(10), null), new StockReserved(ITEM, "order-1/1", Quantity.of(10)),
                        new ReservationReleased(ITEM, "order-1/1", Quantity.of(10)))
                .when(new ReserveStock(ITEM, "order-2/1", Quantity.of(10)))
                .expectEvents(new StockReserved(ITEM, "order-2/1", Quantity.of(10)));
    }

    @Test
    void releasingAnUnknownReservationIsRefused() {
        fixture.given(new StockReceived(ITEM, Quantity.of(10), null))
                .when(new ReleaseReservation(ITEM, "order-9/1"))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "UNKNOWN_RESERVATION"));
    }

    @Test
    void issuingShipsExactlyTheReservedQuantity() {
        fixture.given(new StockReceived(ITEM, Quantity.of(10), null), new StockReserved(ITEM, "order-1/1", Quantity.of(4)))
                .when(new IssueStock(ITEM, "order-1/1"))
                .expectEvents(new StockIssued(ITEM, "order-1/1", Quantity.of(4)));
    }

    @Test
    void aReleasedReservationCannotBeIssued() {
        fixture.given(new StockReceived(ITEM, Quantity.of(10), null), new StockReserved(ITEM, "order-1/1", Quantity.of(4)),
                        new ReservationReleased(ITEM, "order-1/1", Quantity.of(4)))
                .when(new IssueStock(ITEM, "order-1/1"))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "UNKNOWN_RESERVATION"));
    }

    @Test
    void anAdjustmentCannotLeaveLessOnHandThanIsReserved() {
        fixture.given(new StockReceived(ITEM, Quantity.of(10), null), new StockReserved(ITEM, "order-1/1", Quantity.of(8)))
                .when(new AdjustStock(ITEM, -3, AdjustmentReason.DAMAGE, null))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "BELOW_RESERVED"));
    }

    @Test
    void issuedStockLeavesTheRestAvailable() {
        fixture.given(new StockReceived(ITEM, Quantity.of(10), null), new StockReserved(ITEM, "order-1/1", Quantity.of(4)),
                        new StockIssued(ITEM, "order-1/1", Quantity.of(4)), new StockAdjusted(ITEM, -1, AdjustmentReason.LOSS, null))
                .when(new ReserveStock(ITEM, "order-2/1", Quantity.of(5)))
                .expectEvents(new StockReserved(ITEM, "order-2/1", Quantity.of(5)));
    }
}
