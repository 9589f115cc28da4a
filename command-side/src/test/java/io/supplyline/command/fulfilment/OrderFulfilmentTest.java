package io.supplyline.command.fulfilment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.supplyline.command.inventory.IssueStock;
import io.supplyline.command.inventory.ReleaseReservation;
import io.supplyline.command.inventory.ReserveStock;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.shipping.VoidShipment;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.OrderAllocated;
import io.supplyline.events.fulfilment.OrderBackordered;
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

/** The fulfilment process with the commands it sends answered by a stand-in for the aggregates. */
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

    private final SagaTestFixture<OrderFulfilment> fixture = new SagaTestFixture<>(OrderFulfilment.class);
    /** Items the stand-in refuses to reserve from, as a StockItem without enough stock would. */
    private final Set<StockItemId> shortItems = new HashSet<>();
    private boolean orderRefusesToShip;
    /** The order was cancelled, but the process has not seen the cancellation yet. */
    private boolean orderCancelledMeanwhile;

    @BeforeEach
    void answerCommandsLikeTheAggregates() {
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.setCallbackBehavior((command, metadata) -> {
            if (command instanceof ReserveStock reserve && shortItems.contains(reserve.stockItemId())) {
                throw new BusinessRuleViolation("INSUFFICIENT_STOCK", "short");
            }
            if ((command instanceof AllocateOrder || command instanceof BackorderOrder) && orderCancelledMeanwhile) {
                throw new BusinessRuleViolation("ORDER_CANCELLED", "Order was cancelled");
            }
            if (command instanceof ShipOrder && orderRefusesToShip) {
                throw new BusinessRuleViolation("ORDER_CANCELLED", "Order was cancelled");
            }
            return 1L;
        });
    }

    private static ReserveStock reserve(StockItemId item, OrderLine line) {
        return new ReserveStock(item, line.reservationId(ORDER), line.quantity());
    }

    private static ReleaseReservation release(StockItemId item, OrderLine line) {
        return new ReleaseReservation(item, line.reservationId(ORDER));
    }

    @Test
    void anOrderWhoseLinesAreAllInStockIsReservedLineByLineAndAllocated() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ORDER.aggregateId()).publishes(PLACED)
                .expectActiveSagas(1)
                .expectAssociationWith(OrderFulfilment.ORDER, ORDER.toString())
                .expectDispatchedCommands(reserve(BOLT_STOCK, BOLTS), reserve(NUT_STOCK, NUTS), new AllocateOrder(ORDER));
    }

    @Test
    void whenOneLineIsShortTheReservedLinesAreReleasedAndTheOrderBackordered() {
        shortItems.add(NUT_STOCK);
        fixture.givenNoPriorActivity()
                .whenAggregate(ORDER.aggregateId()).publishes(PLACED)
                .expectDispatchedCommands(reserve(BOLT_STOCK, BOLTS), reserve(NUT_STOCK, NUTS),
                        release(BOLT_STOCK, BOLTS), new BackorderOrder(ORDER, List.of(NUTS)))
                .expectAssociationWith(OrderFulfilment.STOCK_ITEM, NUT_STOCK.aggregateId())
                .expectAssociationWith(OrderFulfilment.STOCK_ITEM, BOLT_STOCK.aggregateId());
    }

    @Test
    void aBackorderIsRetriedWhenStockArrivesShortItemFirstAndAllocatedWhenAllFit() {
        shortItems.add(NUT_STOCK);
        fixture.givenAggregate(ORDER.aggregateId()).published(PLACED, new OrderBackordered(ORDER, List.of(NUTS)));
        shortItems.clear();
        fixture.whenAggregate(NUT_STOCK.aggregateId()).publishes(new StockReceived(NUT_STOCK, Quantity.of(50), "delivery 7"))
                .expectDispatchedCommands(reserve(NUT_STOCK, NUTS), reserve(BOLT_STOCK, BOLTS), new AllocateOrder(ORDER))
                .expectNoAssociationWith(OrderFulfilment.STOCK_ITEM, NUT_STOCK.aggregateId());
    }

    @Test
    void aRetryThatStillFallsShortAppendsNothing() {
        shortItems.add(NUT_STOCK);
        fixture.givenAggregate(ORDER.aggregateId()).published(PLACED);
        fixture.whenAggregate(NUT_STOCK.aggregateId()).publishes(new StockAdjusted(NUT_STOCK, 5, AdjustmentReason.FOUND, null))
                .expectDispatchedCommands(reserve(NUT_STOCK, NUTS))
                .expectAssociationWith(OrderFulfilment.STOCK_ITEM, NUT_STOCK.aggregateId());
    }

    @Test
    void stockLeavingOrTheOrdersOwnReleasesDoNotTriggerARetry() {
        shortItems.add(NUT_STOCK);
        fixture.givenAggregate(ORDER.aggregateId()).published(PLACED);
        fixture.whenAggregate(BOLT_STOCK.aggregateId())
                .publishes(new ReservationReleased(BOLT_STOCK, BOLTS.reservationId(ORDER), Quantity.of(20)))
                .expectNoDispatchedCommands();
        fixture.whenAggregate(NUT_STOCK.aggregateId())
                .publishes(new StockAdjusted(NUT_STOCK, -5, AdjustmentReason.DAMAGE, null))
                .expectNoDispatchedCommands();
    }

    @Test
    void dispatchShipsTheOrderAndIssuesEachReservation() {
        fixture.givenAggregate(ORDER.aggregateId()).published(PLACED, new OrderAllocated(ORDER))
                .andThenAggregate(SHIPMENT.aggregateId()).published(SHIPMENT_CREATED)
                .whenAggregate(SHIPMENT.aggregateId()).publishes(new ShipmentDispatched(SHIPMENT, ORDER, NOON))
                .expectDispatchedCommands(new ShipOrder(ORDER, SHIPMENT),
                        new IssueStock(BOLT_STOCK, BOLTS.reservationId(ORDER)),
                        new IssueStock(NUT_STOCK, NUTS.reservationId(ORDER)));
    }

    @Test
    void aDispatchTheCancelledOrderRefusesVoidsTheShipmentAndIssuesNothing() {
        orderRefusesToShip = true;
        fixture.givenAggregate(ORDER.aggregateId()).published(PLACED)
                .andThenAggregate(SHIPMENT.aggregateId()).published(SHIPMENT_CREATED)
                .whenAggregate(SHIPMENT.aggregateId()).publishes(new ShipmentDispatched(SHIPMENT, ORDER, NOON))
                .expectDispatchedCommands(new ShipOrder(ORDER, SHIPMENT),
                        new VoidShipment(SHIPMENT, "Order was cancelled"));
    }

    @Test
    void deliveryDeliversTheOrderAndEndsTheProcess() {
        fixture.givenAggregate(ORDER.aggregateId()).published(PLACED)
                .andThenAggregate(SHIPMENT.aggregateId()).published(SHIPMENT_CREATED,
                        new ShipmentDispatched(SHIPMENT, ORDER, NOON))
                .whenAggregate(SHIPMENT.aggregateId()).publishes(new ShipmentDelivered(SHIPMENT, ORDER, NOON, "J. Doe"))
                .expectDispatchedCommands(new DeliverOrder(ORDER, SHIPMENT, NOON))
                .expectActiveSagas(0);
    }

    @Test
    void cancellingAnAllocatedOrderReleasesItsReservationsAndVoidsItsShipment() {
        fixture.givenAggregate(ORDER.aggregateId()).published(PLACED)
                .andThenAggregate(SHIPMENT.aggregateId()).published(SHIPMENT_CREATED)
                .whenAggregate(ORDER.aggregateId()).publishes(new OrderCancelled(ORDER, "changed plans"))
                .expectDispatchedCommands(release(BOLT_STOCK, BOLTS), release(NUT_STOCK, NUTS),
                        new VoidShipment(SHIPMENT, "Order " + ORDER + " was cancelled: changed plans"))
                .expectActiveSagas(0);
    }

    @Test
    void cancellingABackorderedOrderHasNothingToRelease() {
        shortItems.add(NUT_STOCK);
        fixture.givenAggregate(ORDER.aggregateId()).published(PLACED)
                .whenAggregate(ORDER.aggregateId()).publishes(new OrderCancelled(ORDER, "changed plans"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void anAllocationTheMeanwhileCancelledOrderRefusesGivesTheStockStraightBack() {
        orderCancelledMeanwhile = true;
        fixture.givenNoPriorActivity()
                .whenAggregate(ORDER.aggregateId()).publishes(PLACED)
                .expectDispatchedCommands(reserve(BOLT_STOCK, BOLTS), reserve(NUT_STOCK, NUTS), new AllocateOrder(ORDER),
                        release(BOLT_STOCK, BOLTS), release(NUT_STOCK, NUTS));
    }

    @Test
    void aBackorderRetryForAMeanwhileCancelledOrderGivesTheStockStraightBack() {
        shortItems.add(NUT_STOCK);
        fixture.givenAggregate(ORDER.aggregateId()).published(PLACED);
        shortItems.clear();
        orderCancelledMeanwhile = true;
        fixture.whenAggregate(NUT_STOCK.aggregateId()).publishes(new StockReceived(NUT_STOCK, Quantity.of(50), "delivery 7"))
                .expectDispatchedCommands(reserve(NUT_STOCK, NUTS), reserve(BOLT_STOCK, BOLTS), new AllocateOrder(ORDER),
                        release(BOLT_STOCK, BOLTS), release(NUT_STOCK, NUTS));
    }
}
