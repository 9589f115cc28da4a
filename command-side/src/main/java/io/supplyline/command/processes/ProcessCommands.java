package io.supplyline.command.processes;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;

import io.supplyline.command.envelope.CommandMetadata;

/**
 * Sends a command on behalf of a process reacting to an event. The command runs in the event's unit
 * of work, so what it appends commits together with the process's state and position. Its metadata
 * names the process as principal, keeps the business conversation of the event and names the event as
 * cause. It deliberately drops the event's idempotency key: that key belongs to the request that
 * caused the event, not to what follows from it.
 */
public final class ProcessCommands {

    private final CommandGateway gateway;
    private final String principal;

    public ProcessCommands(CommandGateway gateway, String process) {
        this.gateway = gateway;
        this.principal = "process:" + process;
    }

    /**
     * @return the command handler's result
     * @throws io.supplyline.command.rules.CommandRejected when the business rules refuse the command
     */
    public <R> R send(Object command, EventMessage<?> cause) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(metadata(principal, command, cause)));
    }

    /** The metadata of a command a process sends in reaction to {@code cause}. */
    public static MetaData metadata(String principal, Object command, EventMessage<?> cause) {
        return MetaData.with(CommandMetadata.PRINCIPAL, principal)
                .and(CommandMetadata.CORRELATION_ID,
                        cause.getMetaData().getOrDefault(CommandMetadata.CORRELATION_ID, cause.getIdentifier()))
                .and(CommandMetadata.CAUSATION_ID, cause.getIdentifier())
                .and(CommandMetadata.COMMAND_NAME, command.getClass().getSimpleName());
    }
}
