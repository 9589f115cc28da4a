package io.supplyline.command.http;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.jboss.logging.MDC;

import io.quarkus.security.identity.SecurityIdentity;
import io.supplyline.command.envelope.CommandAccepted;
import io.supplyline.command.envelope.CommandMetadata;
import io.supplyline.command.idempotency.IdempotentCommands;
import io.supplyline.command.retry.ConflictRetry;
import io.supplyline.command.rules.ExpectedVersion;
import io.supplyline.events.KeyedIds;
import io.supplyline.support.axon.CorrelationLogging;
import io.vertx.core.http.HttpServerRequest;
import io.supplyline.support.axon.CorrelationLogging;

/**
 * Sends a command on behalf of the current HTTP caller, with the metadata every resulting event
 * carries, and turns the outcome into the HTTP answer {@code {id, version}} with an ETag.
 */
@RequestScoped
public class CommandDispatcher {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern SAFE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final Pattern SAFE_IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    /** An ETag as this API issues it ("3"), also accepted bare (3) or weak (W/"3"). */
    private static final Pattern IF_MATCH_VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private final CommandGateway gateway;
    private final SecurityIdentity caller;
    private final IdempotentCommands idempotentCommands;
    private final CommandMetrics metrics;
    private final String correlationId;
    private final String ifMatch;
    private final String idempotencyKey;
    private final String path;

    CommandDispatcher(CommandGateway gateway, SecurityIdentity caller, HttpServerRequest request,
                      IdempotentCommands idempotentCommands, CommandMetrics metrics) {
        this.gateway = gateway;
        this.caller = caller;
        this.idempotentCommands = idempotentCommands;
        this.metrics = metrics;
        this.correlationId = correlationId(request.getHeader(CORRELATION_HEADER));
        this.ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        this.idempotencyKey = request.getHeader(IDEMPOTENCY_HEADER);
        this.path = request.path();
    }

    /**
     * The id for an aggregate a command creates. With an Idempotency-Key it follows from the caller
     * and the key, so a retry asks for the very same aggregate and gets the first answer.
     */
    public UUID newId() {
        return idempotencyKey == null ? UUID.randomUUID()
                : KeyedIds.newAggregateId(caller.getPrincipal().getName(), idempotencyKey);
    }

    /** For a command that creates an aggregate: its first event has version 0; Location names it under this path. */
    public Response create(Object command) {
        return dispatch(command, metadataFor(command), Response.Status.CREATED,
                result -> new CommandAccepted((String) result, 0));
    }

    /**
     * For a command on an aggregate whose handler answers the new version. With {@code If-Match}
     * the aggregate must still be at that version.
     */
    public Response update(Object command, String aggregateId) {
        MetaData metadata = metadataFor(command);
        if (ifMatch != null) {
            metadata = metadata.and(ExpectedVersion.METADATA_KEY, expectedVersion(ifMatch));
        }
        return dispatch(command, metadata, Response.Status.OK, result -> new CommandAccepted(aggregateId, (Long) result));
    }

    /** Sends the command; with an Idempotency-Key, at most once per caller and key. */
    private Response dispatch(Object command, MetaData metadata, Response.Status status,
                              Function<Object, CommandAccepted> accepted) {
        // Every log line of this request names its conversation; the logging context is the request's own.
        MDC.put(CorrelationLogging.KEY, correlationId);
        if (idempotencyKey == null) {
            Object result = metrics.timed(command, () -> ConflictRetry.sendAndWait(gateway,
                    GenericCommandMessage.asCommandMessage(command).withMetaData(metadata)));
            return answer(status, accepted.apply(result));
        }
        if (!SAFE_IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new BadRequestException("Idempotency-Key must be 1 to 200 visible ASCII characters");
        }
        return answer(status, metrics.timed(command,
                () -> idempotentCommands.send(command, metadata, idempotencyKey, accepted)));
    }

    private static long expectedVersion(String ifMatch) {
        Matcher version = IF_MATCH_VERSION.matcher(ifMatch.trim());
        if (!version.matches()) {
            throw new BadRequestException("If-Match must be a version this API issued as ETag, such as \"3\"");
        }
        return Long.parseLong(version.group(1));
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
        Response.ResponseBuilder answer = Response.status(status);
        if (status == Response.Status.CREATED) {
            answer.location(UriBuilder.fromPath(path).path(accepted.id()).build());
        }
        return answer
                .entity(accepted)
                .tag(new EntityTag(String.valueOf(accepted.version())))
                .header(CORRELATION_HEADER, correlationId)
                .build();
    }
}
