package io.supplyline.command.purchasing;

import java.util.HashSet;
import java.util.Set;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import io.supplyline.command.envelope.CommandAccepted;
import io.supplyline.command.idempotency.IdempotentCommands;
import io.supplyline.command.inventory.ReceiveStock;
import io.supplyline.command.processes.ProcessCommands;
import io.supplyline.command.processes.ProcessLocks;
import io.supplyline.command.processors.ProcessorNames;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.ReceivedLine;

/**
 * Goods received against a purchase order go into stock in the order's warehouse. A tracking
 * processor on the event store runs this; the stock receipts join its transaction, and each is keyed
 * by the receiving event and SKU, so a redelivered event adds nothing twice.
 */
@Singleton
@ProcessingGroup(ProcessorNames.GOODS_INTO_STOCK)
public class GoodsIntoStock {

    static final String PRINCIPAL = "process:" + ProcessorNames.GOODS_INTO_STOCK;

    /** Lazy: the command gateway comes from the Axon configuration this handler is part of. */
    private final Provider<IdempotentCommands> commands;

    GoodsIntoStock(Provider<IdempotentCommands> commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(GoodsReceived event, EventMessage<?> message) {
        for (ReceivedLine line : event.lines()) {
            StockItemId item = new StockItemId(event.warehouse(), line.sku());
            ReceiveStock receipt = new ReceiveStock(item, line.quantity(), "PO " + event.purchaseOrderId());
            String key = message.getIdentifier() + "/" + line.sku();
            commands.get().send(receipt, ProcessCommands.metadata(PRINCIPAL, receipt, message), key,
                    result -> new CommandAccepted(item.aggregateId(), (Long) result));
        }
    }

    /** The lock plan of a batch ({@link ProcessLocks}): the stock items its receipts go to. */
    public static Set<String> aggregatesTouched(UnitOfWork<?> batch) {
        Set<String> stockItemIds = new HashSet<>();
        for (EventMessage<?> event : ProcessLocks.events(batch)) {
            if (event.getPayload() instanceof GoodsReceived received) {
                received.lines().forEach(line ->
                        stockItemIds.add(new StockItemId(received.warehouse(), line.sku()).aggregateId()));
            }
        }
        return stockItemIds;
    }
}
