package io.supplyline.command.fulfilment;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import io.supplyline.command.processes.ProcessCommands;
import io.supplyline.command.processes.ProcessLocks;
import io.supplyline.command.processors.ProcessorNames;
import io.supplyline.events.fulfilment.OrderCancelled;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.inventory.ReservationReleased;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelivered;
import io.supplyline.events.shipping.ShipmentDispatched;

/**
 * Runs one {@link OrderFulfilment} per open customer order, on a tracking processor of the event store.
 * Each batch of events reads the processes it concerns with one query (by order id, and by the stock
 * items backordered orders wait for), works on them in memory and writes the changed ones with a few
 * batched statements as it commits. The commands the processes send run in the batch's unit of work, so
 * they, the processes' state and the processor's position commit in one transaction: a crash or
 * redelivery neither loses a step nor repeats one.
 */
@ProcessingGroup(ProcessorNames.ORDER_FULFILMENT)
public final class FulfilmentProcess {

    private static final String BATCH = FulfilmentBatch.class.getName();

    private final OrderProcessStore store;
    private final Supplier<CommandGateway> gateway;

    /** {@code gateway}: the command gateway of the configuration this handler is part of, asked for at the first event. */
    public FulfilmentProcess(DataSource dataSource, Supplier<CommandGateway> gateway) {
        this.store = new OrderProcessStore(dataSource);
        this.gateway = gateway;
    }

    @EventHandler
    void on(OrderPlaced event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    void on(ShipmentCreated event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    void on(ShipmentDispatched event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    void on(ShipmentDelivered event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    void on(OrderCancelled event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    void on(StockReceived event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    void on(StockAdjusted event, EventMessage<?> message) {
        handle(event, message);
    }

    @EventHandler
    void on(ReservationReleased event, EventMessage<?> message) {
        handle(event, message);
    }

    private void handle(Object event, EventMessage<?> message) {
        ProcessCommands commands = new ProcessCommands(gateway.get(), ProcessorNames.ORDER_FULFILMENT);
        batch(CurrentUnitOfWork.get().root()).handle(event, command -> commands.send(command, message));
    }

    /**
     * The lock plan of a batch ({@link ProcessLocks}): every aggregate its processes may send commands
     * to. Reads the batch's processes, which its events then use.
     */
    public Set<String> aggregatesTouched(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return batch(root).aggregatesTouched(ProcessLocks.events(root).stream().<Object>map(EventMessage::getPayload).toList());
    }

    /** The batch's processes: read at its first event, written when it commits. */
    private FulfilmentBatch batch(UnitOfWork<?> root) {
        return root.getOrComputeResource(BATCH, key -> {
            Set<String> orderIds = new LinkedHashSet<>();
            Set<String> stockItemIds = new LinkedHashSet<>();
            for (EventMessage<?> event : ProcessLocks.events(root)) {
                FulfilmentBatch.concerns(event.getPayload(), orderIds::add, stockItemIds::add);
            }
            FulfilmentBatch batch = new FulfilmentBatch(store.load(orderIds, stockItemIds));
            root.onPrepareCommit(committing -> store.write(batch.changes()));
            return batch;
        });
    }
}
