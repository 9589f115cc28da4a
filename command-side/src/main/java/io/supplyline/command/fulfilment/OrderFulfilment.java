package io.supplyline.command.fulfilment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.supplyline.command.rules.CommandRejected;
import io.supplyline.command.shipping.VoidShipment;
import io.supplyline.events.fulfilment.OrderCancelled;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.inventory.ReservationReleased;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelivered;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.warehouse.WarehouseCode;

/**
 * Takes one customer order from placing to delivery. It reserves every line in the order's
 * warehouse, all or nothing: when a line cannot be reserved, the lines reserved so far are released
 * and the order is backordered; each later arrival of stock for one of its items tries again. When
 * the order's shipment is dispatched the order ships and its reserved stock is issued; delivery
 * delivers the order; cancellation releases what is reserved and voids a shipment not yet gone.
 * <p>
 * This is one order's state and its decisions; {@link FulfilmentProcess} finds it for each event and
 * keeps it. A command the rules refuse appends nothing and the process decides what follows; any other
 * failure rolls the whole step back to be retried. Its fields are stored as JSON, as Axon's saga store
 * kept them before.
 */
final class OrderFulfilment {

    /** CANCELLED: the order refused a step because it was cancelled; its cancellation event ends the process. */
    enum Stage { ALLOCATING, BACKORDERED, ALLOCATED, SHIPPED, CANCELLED }

    private SalesOrderId orderId;
    private WarehouseCode warehouse;
    private List<OrderLine> lines;
    /** Items that were short at the last attempt: tried first next time, so a futile retry appends nothing. */
    private List<String> shortItems = new ArrayList<>();
    private Stage stage;
    private ShipmentId shipmentId;

    /** Set when the process has ended: delivered or cancelled. Not stored: an ended process is deleted. */
    private transient boolean ended;

    static OrderFulfilment start(OrderPlaced event, FulfilmentSteps steps) {
        OrderFulfilment process = new OrderFulfilment();
        process.on(event, steps);
        return process;
    }

    private void on(OrderPlaced event, FulfilmentSteps steps) {
        orderId = event.orderId();
        warehouse = event.warehouse();
        lines = event.lines();
        stage = Stage.ALLOCATING;
        List<OrderLine> unavailable = reserveAll(lines, steps, false);
        if (unavailable.isEmpty()) {
            allocate(steps);
            return;
        }
        try {
            steps.send(new BackorderOrder(orderId, unavailable));
        } catch (CommandRejected cancelled) {
            stage = Stage.CANCELLED;
            return;
        }
        stage = Stage.BACKORDERED;
    }

    /** Stock arrived for an item this order waits for. */
    void on(StockReceived event, FulfilmentSteps steps) {
        retryBackorder(steps);
    }

    void on(StockAdjusted event, FulfilmentSteps steps) {
        if (event.delta() > 0) {
            retryBackorder(steps);
        }
    }

    /** Another order gave stock back; this order's own releases after a failed attempt change nothing. */
    void on(ReservationReleased event, FulfilmentSteps steps) {
        if (!event.reservationId().startsWith(orderId.aggregateId() + "/")) {
            retryBackorder(steps);
        }
    }

    /** While backordered, the order waits for stock of every line's item. */
    Set<String> waitsFor() {
        return ended || stage != Stage.BACKORDERED ? Set.of() : items();
    }

    /** Whether the order waits for stock of this item (without building the set, for every stock event). */
    boolean waitsFor(String stockItemId) {
        return !ended && stage == Stage.BACKORDERED && lines.stream().anyMatch(line -> itemId(line).equals(stockItemId));
    }

    /** The stock items of the order's lines. */
    Set<String> items() {
        return lines.stream().map(line -> itemId(line)).collect(Collectors.toSet());
    }

    Optional<String> shipment() {
        return Optional.ofNullable(shipmentId).map(ShipmentId::aggregateId);
    }

    SalesOrderId orderId() {
        return orderId;
    }

    boolean hasEnded() {
        return ended;
    }

    void on(ShipmentCreated event) {
        shipmentId = event.shipmentId();
    }

    /**
     * Dispatch and cancellation of one order exclude each other ({@code OrderLookup.orderForChange}), so the order
     * ships; should it refuse all the same, the shipment is voided rather than the process stopped.
     */
    void on(ShipmentDispatched event, FulfilmentSteps steps) {
        try {
            steps.send(new ShipOrder(orderId, event.shipmentId()));
        } catch (CommandRejected refused) {
            steps.compensate(new VoidShipment(event.shipmentId(), refused.getMessage()), orderId);
            return;
        }
        stage = Stage.SHIPPED;
        reservations().issueAll(lines, steps);
    }

    void on(ShipmentDelivered event, FulfilmentSteps steps) {
        steps.send(new DeliverOrder(orderId, event.shipmentId(), event.at()));
        ended = true;
    }

    void on(OrderCancelled event, FulfilmentSteps steps) {
        if (stage == Stage.ALLOCATED) {
            reservations().releaseAll(lines, steps);
        }
        if (shipmentId != null && stage != Stage.SHIPPED) {
            steps.compensate(new VoidShipment(shipmentId, "Order " + orderId + " was cancelled: " + event.reason()), orderId);
        }
        ended = true;
    }

    private void retryBackorder(FulfilmentSteps steps) {
        if (stage != Stage.BACKORDERED) {
            return;
        }
        List<OrderLine> shortFirst = new ArrayList<>(lines);
        shortFirst.sort(Comparator.comparing(line -> !shortItems.contains(itemId(line))));
        if (reserveAll(shortFirst, steps, true).isEmpty()) {
            allocate(steps);
        }
    }

    /** All lines or none; the short ones are remembered to be tried first next time. */
    private List<OrderLine> reserveAll(List<OrderLine> ordered, FulfilmentSteps steps, boolean stopAtFirstShortage) {
        List<OrderLine> unavailable = reservations().reserveAll(ordered, steps, stopAtFirstShortage);
        if (!unavailable.isEmpty()) {
            shortItems = unavailable.stream().map(line -> itemId(line)).toList();
        }
        return unavailable;
    }

    /**
     * Every line is reserved. The order may have been cancelled meanwhile (its cancellation is still
     * ahead in the event stream); then the reservations go straight back.
     */
    private void allocate(FulfilmentSteps steps) {
        shortItems = List.of();
        try {
            steps.send(new AllocateOrder(orderId));
            stage = Stage.ALLOCATED;
        } catch (CommandRejected cancelled) {
            reservations().releaseAll(lines, steps);
            stage = Stage.CANCELLED;
        }
    }

    private String itemId(OrderLine line) {
        return reservations().item(line).aggregateId();
    }

    /** A method, not a field: the fields are the stored state. */
    private LineReservations reservations() {
        return new LineReservations(orderId, warehouse);
    }
}
