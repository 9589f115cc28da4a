package io.supplyline.command.fulfilment;

import static org.axonframework.modelling.saga.SagaLifecycle.associateWith;
import static org.axonframework.modelling.saga.SagaLifecycle.end;
import static org.axonframework.modelling.saga.SagaLifecycle.removeAssociationWith;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.saga.ResourceInjector;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.jboss.logging.Logger;

import io.supplyline.command.axon.ProcessCommands;
import io.supplyline.command.inventory.IssueStock;
import io.supplyline.command.inventory.ReleaseReservation;
import io.supplyline.command.inventory.ReserveStock;
import io.supplyline.command.rules.CommandRejected;
import io.supplyline.command.shipping.VoidShipment;
import io.supplyline.events.fulfilment.OrderCancelled;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.SalesOrderId;
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
 * Takes one customer order from placing to delivery. It reserves every line in the order's
 * warehouse, all or nothing: when a line cannot be reserved, the lines reserved so far are released
 * and the order is backordered; each later arrival of stock for one of its items tries again. When
 * the order's shipment is dispatched the order ships and its reserved stock is issued; delivery
 * delivers the order; cancellation releases what is reserved and voids a shipment not yet gone.
 * <p>
 * A tracking processor on the event store runs it. The commands it sends run in the same unit of
 * work and transaction as its own state and the processor's position, so a crash or redelivery
 * neither loses a step nor repeats one. A command the rules refuse appends nothing and the process
 * decides what follows; any other failure rolls the whole step back to be retried.
 */
@ProcessingGroup(OrderFulfilment.PROCESS)
public class OrderFulfilment {

    public static final String PROCESS = "order-fulfilment";
    private static final Logger LOG = Logger.getLogger(OrderFulfilment.class);
    static final String ORDER = "orderId";
    static final String STOCK_ITEM = "stockItemId";

    /** CANCELLED: the order refused a step because it was cancelled; its cancellation event ends the process. */
    enum Stage { ALLOCATING, BACKORDERED, ALLOCATED, SHIPPED, CANCELLED }

    /** Set at every load by {@link #resources} (by {@code @Inject} where Axon's own injector runs, as in tests). */
    @Inject
    private transient CommandGateway commandGateway;

    private SalesOrderId orderId;
    private WarehouseCode warehouse;
    private List<OrderLine> lines;
    /** Items that were short at the last attempt: tried first next time, so a futile retry appends nothing. */
    private List<String> shortItems = new ArrayList<>();
    private Stage stage;
    private ShipmentId shipmentId;

    /**
     * Gives each process loaded from the saga store the command gateway. Axon's default injector looked
     * for {@code @Inject} on every method and field of the class at every load: 5 % of the command side's
     * time under load.
     */
    public static ResourceInjector resources(CommandGateway commandGateway) {
        return saga -> {
            if (saga instanceof OrderFulfilment process) {
                process.commandGateway = commandGateway;
            }
        };
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderPlaced event, EventMessage<?> message) {
        orderId = event.orderId();
        warehouse = event.warehouse();
        lines = event.lines();
        stage = Stage.ALLOCATING;
        List<OrderLine> unavailable = reserveAll(lines, message, false);
        if (unavailable.isEmpty()) {
            allocate(message);
            return;
        }
        try {
            send(new BackorderOrder(orderId, unavailable), message);
        } catch (CommandRejected cancelled) {
            stage = Stage.CANCELLED;
            return;
        }
        stage = Stage.BACKORDERED;
        lines.forEach(line -> associateWith(STOCK_ITEM, item(line).aggregateId()));
    }

    @SagaEventHandler(associationProperty = STOCK_ITEM)
    void on(StockReceived event, EventMessage<?> message) {
        retryBackorder(message);
    }

    @SagaEventHandler(associationProperty = STOCK_ITEM)
    void on(StockAdjusted event, EventMessage<?> message) {
        if (event.delta() > 0) {
            retryBackorder(message);
        }
    }

    /** Another order gave stock back; this order's own releases after a failed attempt change nothing. */
    @SagaEventHandler(associationProperty = STOCK_ITEM)
    void on(ReservationReleased event, EventMessage<?> message) {
        if (!event.reservationId().startsWith(orderId.aggregateId() + "/")) {
            retryBackorder(message);
        }
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(ShipmentCreated event) {
        shipmentId = event.shipmentId();
    }

    /**
     * Dispatch and cancellation of one order exclude each other (see the lookup tables), so the order
     * ships; should it refuse all the same, the shipment is voided rather than the process stopped.
     */
    @SagaEventHandler(associationProperty = ORDER)
    void on(ShipmentDispatched event, EventMessage<?> message) {
        try {
            send(new ShipOrder(orderId, event.shipmentId()), message);
        } catch (CommandRejected refused) {
            compensate(new VoidShipment(event.shipmentId(), refused.getMessage()), message);
            return;
        }
        stage = Stage.SHIPPED;
        for (OrderLine line : lines) {
            // The order has shipped, so nothing can release these reservations any more.
            send(new IssueStock(item(line), line.reservationId(orderId)), message);
        }
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(ShipmentDelivered event, EventMessage<?> message) {
        send(new DeliverOrder(orderId, event.shipmentId(), event.at()), message);
        end();
    }

    @SagaEventHandler(associationProperty = ORDER)
    void on(OrderCancelled event, EventMessage<?> message) {
        if (stage == Stage.ALLOCATED) {
            lines.forEach(line -> send(new ReleaseReservation(item(line), line.reservationId(orderId)), message));
        }
        if (shipmentId != null && stage != Stage.SHIPPED) {
            compensate(new VoidShipment(shipmentId, "Order " + orderId + " was cancelled: " + event.reason()), message);
        }
        end();
    }

    private void retryBackorder(EventMessage<?> message) {
        if (stage != Stage.BACKORDERED) {
            return;
        }
        List<OrderLine> shortFirst = new ArrayList<>(lines);
        shortFirst.sort(Comparator.comparing(line -> !shortItems.contains(item(line).aggregateId())));
        if (reserveAll(shortFirst, message, true).isEmpty()) {
            lines.forEach(line -> removeAssociationWith(STOCK_ITEM, item(line).aggregateId()));
            allocate(message);
        }
    }

    /**
     * Reserves the lines in order; if any cannot be reserved, releases those that were.
     *
     * @param stopAtFirstShortage a retry only needs to know whether all fit; the first attempt lists every short line
     * @return the lines that could not be reserved; empty when all are
     */
    private List<OrderLine> reserveAll(List<OrderLine> ordered, EventMessage<?> message, boolean stopAtFirstShortage) {
        List<OrderLine> reserved = new ArrayList<>();
        List<OrderLine> unavailable = new ArrayList<>();
        for (OrderLine line : ordered) {
            if (stopAtFirstShortage && !unavailable.isEmpty()) {
                break;
            }
            try {
                send(new ReserveStock(item(line), line.reservationId(orderId), line.quantity()), message);
                reserved.add(line);
            } catch (CommandRejected shortage) {
                unavailable.add(line);
            }
        }
        if (!unavailable.isEmpty()) {
            reserved.forEach(line -> send(new ReleaseReservation(item(line), line.reservationId(orderId)), message));
            shortItems = unavailable.stream().map(line -> item(line).aggregateId()).toList();
        }
        return unavailable;
    }

    /**
     * Every line is reserved. The order may have been cancelled meanwhile (its cancellation is still
     * ahead in the event stream); then the reservations go straight back.
     */
    private void allocate(EventMessage<?> message) {
        shortItems = List.of();
        try {
            send(new AllocateOrder(orderId), message);
            stage = Stage.ALLOCATED;
        } catch (CommandRejected cancelled) {
            lines.forEach(line -> send(new ReleaseReservation(item(line), line.reservationId(orderId)), message));
            stage = Stage.CANCELLED;
        }
    }

    private StockItemId item(OrderLine line) {
        return new StockItemId(warehouse, line.sku());
    }

    /**
     * A compensating step the rules refuse (the shipment was voided already) is logged and the process
     * goes on: retrying could never succeed and would stop every other order behind this one.
     */
    private void compensate(Object command, EventMessage<?> cause) {
        try {
            send(command, cause);
        } catch (CommandRejected refused) {
            LOG.warnf("Order %s: %s was refused (%s): %s", orderId, command.getClass().getSimpleName(), refused.code(),
                    refused.getMessage());
        }
    }

    private void send(Object command, EventMessage<?> cause) {
        new ProcessCommands(commandGateway, PROCESS).send(command, cause);
    }
}
