package io.supplyline.command.http;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

import io.quarkus.security.identity.SecurityIdentity;
import io.supplyline.command.axon.CommandMetadata;
import io.vertx.core.http.HttpServerRequest;

/**
 * Sends a command on behalf of the current HTTP caller, with the metadata every resulting event
 * carries, and turns the outcome into the HTTP answer {@code {id, version}} with an ETag.
 */
@RequestScoped
public class CommandDispatcher {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern SAFE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final CommandGateway gateway;
    private final SecurityIdentity caller;
    private final String correlationId;

    CommandDispatcher(CommandGateway gateway, SecurityIdentity caller, HttpServerRequest request) {
        this.gateway = gateway;
        this.caller = caller;
        this.correlationId = correlationId(request.getHeader(CORRELATION_HEADER));
    }

    /** For a command that creates an aggregate: its first event has version 0. */
    public Response create(Object command) {
        String id = send(command);
        return answer(Response.Status.CREATED, new CommandAccepted(id, 0));
    }

    /** For a command on an aggregate whose handler answers the new version. */
    public Response update(Object command, String aggregateId) {
        Long version = send(command);
        return answer(Response.Status.OK, new CommandAccepted(aggregateId, version));
    }

    private <R> R send(Object command) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(metadataFor(command)));
    }

    private MetaData metadataFor(Object command) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(CommandMetadata.PRINCIPAL, caller.getPrincipal().getName());
        metadata.put(CommandMetadata.CORRELATION_ID, correlationId);
        metadata.put(CommandMetadata.COMMAND_NAME, command.getClass().getSimpleName());
        return MetaData.from(metadata);
    }

    /** A caller may tie several commands into one business conversation; otherwise each starts its own. */
    private static String correlationId(String given) {
        return given != null && SAFE_CORRELATION_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    private Response answer(Response.Status status, CommandAccepted accepted) {
        return Response.status(status)
                .entity(accepted)
                .tag(new EntityTag(String.valueOf(accepted.version())))
                .header(CORRELATION_HEADER, correlationId)
                .build();
    }
}
