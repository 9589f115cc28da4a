package io.supplyline.command.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;


import io.supplyline.command.inventory.IssueStock;
import io.supplyline.command.inventory.ReleaseReservation;
import io.supplyline.command.inventory.ReserveStock;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.shipping.VoidShipment;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.OrderCancelled;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.ReservationReleased;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelivered;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.warehouse.WarehouseCode;

/**
 * The fulfilment processes with the commands they send answered by a stand-in for the aggregates. Each
 * "given" batch is written to a stand-in of the process tables and read back for the next batch, as
 * the processor does with the database.
 */
class OrderFulfilmentTest {

    private static final SalesOrderId ORDER = SalesOrderId.random();
    private static final WarehouseCode BER = new WarehouseCode("BER-1");
    private static final OrderLine BOLTS = new OrderLine(new Sku("BOLT"), Quantity.of(20));
    private static final OrderLine NUTS = new OrderLine(new Sku("NUT"), Quantity.of(30));
    private static final StockItemId BOLT_STOCK = new StockItemId(BER, BOLTS.sku());
    private static final StockItemId NUT_STOCK = new StockItemId(BER, NUTS.sku());
    private static final OrderPlaced PLACED =
            new OrderPlaced(ORDER, "Bauhaus KG", BER, LocalDate.of(2026, 12, 3), List.of(BOLTS, NUTS));
    private static final ShipmentId SHIPMENT = ShipmentId.random();
    private static final ShipmentCreated SHIPMENT_CREATED =
            new ShipmentCreated(SHIPMENT, ORDER, BER, "DHL", "JD1", LocalDate.of(2026, 12, 3));
    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

    /** Items the stand-in refuses to reserve from, as a StockItem without enough stock would. */
    private final Set<StockItemId> shortItems = new HashSet<>();
    private boolean orderRefusesToShip;
    /** The order was cancelled, but the process has not seen the cancellation yet. */
    private boolean orderCancelledMeanwhile;

    /** The stand-in of the process table (order id to its fields as JSON) and of the wait table. */
    private final Map<String, byte[]> stored = new HashMap<>();
    private final Set<List<String>> waits = new HashSet<>();
    private final List<Object> dispatched = new ArrayList<>();
    private FulfilmentBatch batch = new FulfilmentBatch(Map.of());

    private final FulfilmentSteps aggregates = command -> {
        dispatched.add(command);
        if (command instanceof ReserveStock reserve && shortItems.contains(reserve.stockItemId())) {
            throw new BusinessRuleViolation("INSUFFICIENT_STOCK", "short");
        }
        if ((command instanceof AllocateOrder || command instanceof BackorderOrder) && orderCancelledMeanwhile) {
            throw new BusinessRuleViolation("ORDER_CANCELLED", "Order was cancelled");
        }
        if (command instanceof ShipOrder && orderRefusesToShip) {
            throw new BusinessRuleViolation("ORDER_CANCELLED", "Order was cancelled");
        }
    };

    /** Events handled in one batch, which then commits; what they sent is forgotten. */
    private void given(Object... events) {
        Arrays.stream(events).forEach(event -> batch.handle(event, aggregates));
        commit();
        dispatched.clear();
    }

    /** An event handled in a new batch, which then commits; the commands it sent. */
    private List<Object> when(Object event) {
        batch.handle(event, aggregates);
        commit();
        return dispatched;
    }

    private void commit() {
        OrderProcessStore.Changes changes = batch.changes();
        changes.inserted().forEach(row -> assertThat(stored.put(row.orderId(), row.state())).as("inserted twice").isNull());
        changes.updated().forEach(row -> assertThat(stored.put(row.orderId(), row.state())).as("updated unknown").isNotNull());
        changes.deleted().forEach(orderId -> assertThat(stored.remove(orderId)).as("deleted unknown").isNotNull());
        changes.waitsRemoved().forEach(wait -> assertThat(waits.remove(List.of(wait))).as("removed unknown wait").isTrue());
        changes.waitsAdded().forEach(wait -> assertThat(waits.add(List.of(wait))).as("added a wait twice").isTrue());
        batch = new FulfilmentBatch(new TreeMap<>(stored));
    }

    private void assertOpen(boolean open) {
        assertThat(stored.containsKey(ORDER.toString())).as("the order's process is open").isEqualTo(open);
    }

    private void assertWaitingFor(StockItemId... items) {
        assertThat(waits).containsExactlyInAnyOrderElementsOf(Arrays.stream(items)
                .map(item -> List.of(item.aggregateId(), ORDER.toString())).toList());
    }

    private static ReserveStock reserve(StockItemId item, OrderLine line) {
        return new ReserveStock(item, line.reservationId(ORDER), line.quantity());
    }

    private static ReleaseReservation release(StockItemId item, OrderLine line) {
        return new ReleaseReservation(item, line.reservationId(ORDER));
    }

    @Test
    void anOrderWhoseLinesAreAllInStockIsReservedLineByLineAndAllocated() {
        assertThat(when(PLACED)).containsExactly(reserve(BOLT_STOCK, BOLTS), reserve(NUT_STOCK, NUTS), new AllocateOrder(ORDER));
        assertOpen(true);
        assertWaitingFor();
    }

    @Test
    void whenOneLineIsShortTheReservedLinesAreReleasedAndTheOrderBackordered() {
        shortItems.add(NUT_STOCK);
        assertThat(when(PLACED)).containsExactly(reserve(BOLT_STOCK, BOLTS), reserve(NUT_STOCK, NUTS),
                release(BOLT_STOCK, BOLTS), new BackorderOrder(ORDER, List.of(NUTS)));
        assertWaitingFor(NUT_STOCK, BOLT_STOCK);
    }

    @Test
    void aBackorderIsRetriedWhenStockArrivesShortItemFirstAndAllocatedWhenAllFit() {
        shortItems.add(NUT_STOCK);
        given(PLACED);
        shortItems.clear();
        assertThat(when(new StockReceived(NUT_STOCK, Quantity.of(50), "delivery 7")))
                .containsExactly(reserve(NUT_STOCK, NUTS), reserve(BOLT_STOCK, BOLTS), new AllocateOrder(ORDER));
        assertWaitingFor();
        assertOpen(true);
    }

    @Test
    void aRetryThatStillFallsShortAppendsNothingAndWritesNothing() {
        shortItems.add(NUT_STOCK);
        given(PLACED);
        batch.handle(new StockAdjusted(NUT_STOCK, 5, AdjustmentReason.FOUND, null), aggregates);
        assertThat(dispatched).containsExactly(reserve(NUT_STOCK, NUTS));
        assertThat(batch.changes().updated()).as("the process is as it was").isEmpty();
        commit();
        assertWaitingFor(NUT_STOCK, BOLT_STOCK);
    }

    @Test
    void oneStockEventAsksAnItemOnlyOnceForAQuantityItRefused() {
        shortItems.add(NUT_STOCK);
        SalesOrderId second = SalesOrderId.random();
        SalesOrderId third = SalesOrderId.random();
        OrderLine fewerNuts = new OrderLine(NUTS.sku(), Quantity.of(10));
        given(PLACED, new OrderPlaced(second, "Obi", BER, LocalDate.of(2026, 12, 3), List.of(NUTS)),
                new OrderPlaced(third, "Obi", BER, LocalDate.of(2026, 12, 3), List.of(fewerNuts)));
        List<Object> asked = List.copyOf(when(new StockReceived(NUT_STOCK, Quantity.of(5), "delivery 7")));
        // Whichever order is tried first: 30 nuts are asked at most once, and 10 nuts only unless refused first.
        assertThat(asked.stream().filter(command -> ((ReserveStock) command).quantity().equals(NUTS.quantity())).count())
                .isLessThanOrEqualTo(1);
        assertThat(asked).hasSizeBetween(1, 2).allSatisfy(command -> assertThat(((ReserveStock) command).stockItemId()).isEqualTo(NUT_STOCK));
        dispatched.clear();
        // A later event asks again: stock may have risen since.
        assertThat(when(new StockReceived(NUT_STOCK, Quantity.of(5), "delivery 8"))).hasSize(asked.size());
    }

    @Test
    void stockLeavingOrTheOrdersOwnReleasesDoNotTriggerARetry() {
        shortItems.add(NUT_STOCK);
        given(PLACED);
        assertThat(when(new ReservationReleased(BOLT_STOCK, BOLTS.reservationId(ORDER), Quantity.of(20)))).isEmpty();
        assertThat(when(new StockAdjusted(NUT_STOCK, -5, AdjustmentReason.DAMAGE, null))).isEmpty();
        assertWaitingFor(NUT_STOCK, BOLT_STOCK);
    }

    @Test
    void anotherOrdersReleaseTriggersARetry() {
        shortItems.add(NUT_STOCK);
        given(PLACED);
        shortItems.clear();
        SalesOrderId other = SalesOrderId.random();
        assertThat(when(new ReservationReleased(NUT_STOCK, NUTS.reservationId(other), Quantity.of(30))))
                .containsExactly(reserve(NUT_STOCK, NUTS), reserve(BOLT_STOCK, BOLTS), new AllocateOrder(ORDER));
    }

    @Test
    void stockForAnItemNoOrderWaitsForTouchesNoProcess() {
        given(PLACED);
        assertThat(when(new StockReceived(NUT_STOCK, Quantity.of(50), "delivery 7"))).isEmpty();
        assertThat(batch.changes().updated()).isEmpty();
    }

    @Test
    void anOrderPlacedAndBackorderedEarlierInTheSameBatchIsRetriedByStockLaterInIt() {
        shortItems.add(NUT_STOCK);
        batch.handle(PLACED, aggregates);
        shortItems.clear();
        dispatched.clear();
        assertThat(when(new StockReceived(NUT_STOCK, Quantity.of(50), "delivery 7")))
                .containsExactly(reserve(NUT_STOCK, NUTS), reserve(BOLT_STOCK, BOLTS), new AllocateOrder(ORDER));
        assertWaitingFor();
    }

    @Test
    void dispatchShipsTheOrderAndIssuesEachReservation() {
        given(PLACED, SHIPMENT_CREATED);
        assertThat(when(new ShipmentDispatched(SHIPMENT, ORDER, NOON))).containsExactly(new ShipOrder(ORDER, SHIPMENT),
                new IssueStock(BOLT_STOCK, BOLTS.reservationId(ORDER)),
                new IssueStock(NUT_STOCK, NUTS.reservationId(ORDER)));
    }

    @Test
    void aDispatchTheCancelledOrderRefusesVoidsTheShipmentAndIssuesNothing() {
        orderRefusesToShip = true;
        given(PLACED, SHIPMENT_CREATED);
        assertThat(when(new ShipmentDispatched(SHIPMENT, ORDER, NOON)))
                .containsExactly(new ShipOrder(ORDER, SHIPMENT), new VoidShipment(SHIPMENT, "Order was cancelled"));
    }

    @Test
    void deliveryDeliversTheOrderAndEndsTheProcess() {
        given(PLACED, SHIPMENT_CREATED, new ShipmentDispatched(SHIPMENT, ORDER, NOON));
        assertThat(when(new ShipmentDelivered(SHIPMENT, ORDER, NOON, "J. Doe")))
                .containsExactly(new DeliverOrder(ORDER, SHIPMENT, NOON));
        assertOpen(false);
    }

    @Test
    void cancellingAnAllocatedOrderReleasesItsReservationsAndVoidsItsShipment() {
        given(PLACED, SHIPMENT_CREATED);
        assertThat(when(new OrderCancelled(ORDER, "changed plans"))).containsExactly(release(BOLT_STOCK, BOLTS),
                release(NUT_STOCK, NUTS), new VoidShipment(SHIPMENT, "Order " + ORDER + " was cancelled: changed plans"));
        assertOpen(false);
    }

    @Test
    void cancellingABackorderedOrderHasNothingToReleaseAndStopsWaiting() {
        shortItems.add(NUT_STOCK);
        given(PLACED);
        assertThat(when(new OrderCancelled(ORDER, "changed plans"))).isEmpty();
        assertOpen(false);
        assertWaitingFor();
        assertThat(when(new StockReceived(NUT_STOCK, Quantity.of(50), "delivery 7"))).isEmpty();
    }

    @Test
    void eventsAfterTheEndInTheSameBatchFindNoProcess() {
        batch.handle(PLACED, aggregates);
        batch.handle(new OrderCancelled(ORDER, "changed plans"), aggregates);
        dispatched.clear();
        assertThat(when(new ShipmentDispatched(SHIPMENT, ORDER, NOON))).isEmpty();
        assertOpen(false);
    }

    @Test
    void anAllocationTheMeanwhileCancelledOrderRefusesGivesTheStockStraightBack() {
        orderCancelledMeanwhile = true;
        assertThat(when(PLACED)).containsExactly(reserve(BOLT_STOCK, BOLTS), reserve(NUT_STOCK, NUTS), new AllocateOrder(ORDER),
                release(BOLT_STOCK, BOLTS), release(NUT_STOCK, NUTS));
    }

    @Test
    void aBackorderRetryForAMeanwhileCancelledOrderGivesTheStockStraightBack() {
        shortItems.add(NUT_STOCK);
        given(PLACED);
        shortItems.clear();
        orderCancelledMeanwhile = true;
        assertThat(when(new StockReceived(NUT_STOCK, Quantity.of(50), "delivery 7"))).containsExactly(reserve(NUT_STOCK, NUTS),
                reserve(BOLT_STOCK, BOLTS), new AllocateOrder(ORDER), release(BOLT_STOCK, BOLTS), release(NUT_STOCK, NUTS));
        assertWaitingFor();
    }

    @Test
    void aBatchPlansTheLocksOfWhatEachOfItsEventsMayTouch() {
        shortItems.add(NUT_STOCK);
        given(PLACED, SHIPMENT_CREATED);
        SalesOrderId other = SalesOrderId.random();
        StockItemId screws = new StockItemId(BER, new Sku("SCREW"));
        var placedNow = new OrderPlaced(other, "Obi", BER, LocalDate.of(2026, 12, 3), List.of(new OrderLine(screws.sku(), Quantity.of(1))));
        assertThat(batch.aggregatesTouched(List.of(new StockReceived(NUT_STOCK, Quantity.of(50), "delivery 7"), placedNow)))
                .as("a retry reserves the waiting order's items and allocates it; a new order likewise")
                .containsExactlyInAnyOrder(ORDER.aggregateId(), BOLT_STOCK.aggregateId(), NUT_STOCK.aggregateId(),
                        other.aggregateId(), screws.aggregateId());
        assertThat(batch.aggregatesTouched(List.of(new StockReceived(screws, Quantity.of(5), "r"),
                new StockAdjusted(NUT_STOCK, -1, AdjustmentReason.DAMAGE, null)))).as("no order waits for these").isEmpty();
        assertThat(batch.aggregatesTouched(List.of(new OrderCancelled(ORDER, "x"))))
                .containsExactlyInAnyOrder(BOLT_STOCK.aggregateId(), NUT_STOCK.aggregateId(), SHIPMENT.aggregateId());
        assertThat(batch.aggregatesTouched(List.of(new ShipmentDispatched(SHIPMENT, ORDER, NOON))))
                .containsExactlyInAnyOrder(ORDER.aggregateId(), SHIPMENT.aggregateId(), BOLT_STOCK.aggregateId(), NUT_STOCK.aggregateId());
        assertThat(batch.aggregatesTouched(List.of(new ShipmentDelivered(SHIPMENT, ORDER, NOON, "J. Doe"))))
                .containsExactly(ORDER.aggregateId());
        ShipmentId createdNow = ShipmentId.random();
        assertThat(batch.aggregatesTouched(List.of(new ShipmentCreated(createdNow, other, BER, "DHL", "JD2", LocalDate.of(2026, 12, 3)),
                new OrderCancelled(other, "x")))).as("a shipment created earlier in the batch is voided").contains(createdNow.aggregateId());
    }

    @Test
    void whatTheEventsConcernIsReadByOrderAndByItemsThatGotStock() {
        List<String> orders = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (Object event : List.of(PLACED, new StockAdjusted(NUT_STOCK, -5, AdjustmentReason.DAMAGE, null),
                new StockReceived(BOLT_STOCK, Quantity.of(1), "r"), new OrderCancelled(ORDER, "x"))) {
            FulfilmentBatch.concerns(event, orders::add, items::add);
        }
        assertThat(orders).containsExactly(ORDER.toString(), ORDER.toString());
        assertThat(items).containsExactly(BOLT_STOCK.aggregateId());
    }
}
