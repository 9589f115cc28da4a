package io.supplyline.command.fulfilment;

import org.jboss.logging.Logger;

import io.supplyline.command.rules.CommandRejected;
import io.supplyline.events.fulfilment.SalesOrderId;

/** Sends one command on the fulfilment process's behalf, in reaction to the event being handled. */
@FunctionalInterface
interface FulfilmentSteps {

    /** @throws CommandRejected when the business rules refuse the command */
    void send(Object command);

    /**
     * A compensating step the rules refuse (the shipment was voided already) is logged and the process
     * goes on: retrying could never succeed and would stop every other order behind this one.
     */
    default void compensate(Object command, SalesOrderId order) {
        try {
            send(command);
        } catch (CommandRejected refused) {
            Logger.getLogger(OrderFulfilment.class).warnf("Order %s: %s was refused (%s): %s", order,
                    command.getClass().getSimpleName(), refused.code(), refused.getMessage());
        }
    }
}
