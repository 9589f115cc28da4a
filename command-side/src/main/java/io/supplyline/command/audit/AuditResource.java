package io.supplyline.command.audit;

import static io.supplyline.command.http.CommandApiDocument.PROBLEM_CODES;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.axonframework.common.DateTimeUtils;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerRequest;

/** The full history for auditors: who did what, when and why, and whether the record is intact. */
@Path("/audit")
@Tag(name = "Audit",
        description = "The event store as auditors read it: histories, search, export, hash-chain verification")
@RolesAllowed("auditor")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /** An ISO-8601 instant with an offset, e.g. 2026-11-26T08:00:00Z. */
    static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})";
    static final String NAME = "[A-Za-z][A-Za-z0-9]{0,99}";
    static final String TEXT = "[^\\s]{1,255}";

    private final AuditLog log;
    private final ChainVerifier verifier;
    private final AuditExport export;
    private final AggregateAsOf aggregateAsOf;

    private final AuditPermits permits;
    private final HttpServerRequest request;

    AuditResource(AuditLog log, ChainVerifier verifier, ObjectMapper json, AggregateAsOf asOf, AuditPermits permits,
                  HttpServerRequest request) {
        this.permits = permits;
        this.request = request;
        this.log = log;
        this.verifier = verifier;
        this.aggregateAsOf = asOf;
        this.export = new AuditExport(log, json);
    }

    /** Every event of one aggregate in sequence order, with metadata and hash links. */
    @GET
    @Path("/aggregates/{id}/events")
    @Operation(operationId = "auditAggregateEvents", summary = "Every event of one aggregate, in sequence order",
            extensions = @Extension(name = PROBLEM_CODES, value = "NOT_FOUND"))
    public List<AuditedEvent> aggregateHistory(@PathParam("id") @Pattern(regexp = TEXT) String aggregateId) {
        List<AuditedEvent> events = new ArrayList<>();
        log.forEach(AuditQuery.ofAggregate(aggregateId), events::add);
        if (events.isEmpty()) {
            throw new NotFoundException("No events of " + aggregateId);
        }
        return events;
    }

    /** The aggregate as its own event-sourcing handlers rebuild it from its events up to {@code asOf} (default now). */
    @GET
    @Path("/aggregates/{id}/state")
    @Operation(operationId = "auditAggregateState", summary = "One aggregate as it was at an instant",
            description = "Rebuilt by the aggregate's own event handlers from its events up to `asOf` (default: now).",
            extensions = @Extension(name = PROBLEM_CODES, value = "NOT_FOUND BAD_REQUEST"))
    public AggregateAsOf.AggregateState state(@PathParam("id") @Pattern(regexp = TEXT) String aggregateId,
                                              @QueryParam("asOf") @Pattern(regexp = INSTANT) String asOf) {
        Instant instant = asOf == null ? Instant.now() : instant(asOf);
        return aggregateAsOf.stateAt(aggregateId, instant)
                .orElseThrow(() -> new NotFoundException("No events of " + aggregateId + " at or before " + instant));
    }

    /**
     * Events across aggregates in store order; {@code from} inclusive, {@code to} exclusive. Pages by
     * key: {@code after} is the {@code next} of the page before (none for the first).
     */
    @GET
    @Path("/events")
    @Operation(operationId = "searchAuditEvents", summary = "Search events across aggregates, in store order",
            description = "`from` inclusive, `to` exclusive. Pages by key: pass a page's `next` as `after` for the "
                    + "following page (`next` is absent on the last).",
            extensions = @Extension(name = PROBLEM_CODES, value = "BAD_REQUEST TOO_MANY_AUDIT_REQUESTS"))
    public AuditPage search(@QueryParam("from") @Pattern(regexp = INSTANT) String from,
                            @QueryParam("to") @Pattern(regexp = INSTANT) String to,
                            @QueryParam("type") @Pattern(regexp = NAME) String type,
                            @QueryParam("principal") @Pattern(regexp = TEXT) String principal,
                            @QueryParam("correlationId") @Pattern(regexp = TEXT) String correlationId,
                            @QueryParam("after") @DefaultValue("-1") @Min(-1) long after,
                            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        AuditQuery query = new AuditQuery(instant(from), instant(to), type, principal, correlationId, null);
        return permits.call(() -> AuditPage.of(log.page(query, after, size), size, log.count(query)));
    }

    /** The matching events, all of them, streamed as JSON Lines or CSV in store order. */
    @GET
    @Path("/export")
    @Operation(operationId = "exportAuditEvents", summary = "Every matching event, streamed as JSON Lines or CSV",
            extensions = @Extension(name = PROBLEM_CODES, value = "BAD_REQUEST TOO_MANY_AUDIT_REQUESTS"))
    @APIResponse(responseCode = "200", description = "The events in store order, one per line",
            headers = @Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING),
                    description = "attachment; filename=\"supplyline-events.jsonl\" (or .csv)"),
            content = {@Content(mediaType = "application/jsonl", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @Produces({"application/jsonl", "text/csv", MediaType.APPLICATION_JSON})
    public Response export(@QueryParam("format") @DefaultValue("jsonl") @Pattern(regexp = "jsonl|csv") String format,
                           @QueryParam("from") @Pattern(regexp = INSTANT) String from,
                           @QueryParam("to") @Pattern(regexp = INSTANT) String to,
                           @QueryParam("type") @Pattern(regexp = NAME) String type,
                           @QueryParam("principal") @Pattern(regexp = TEXT) String principal,
                           @QueryParam("correlationId") @Pattern(regexp = TEXT) String correlationId,
                           @QueryParam("aggregateId") @Pattern(regexp = TEXT) String aggregateId) {
        AuditQuery query = new AuditQuery(instant(from), instant(to), type, principal, correlationId, aggregateId);
        boolean csv = format.equals("csv");
        Runnable release = permits.acquire();
        // Runs while the answer is written; a client that goes away fails the next write, which ends it.
        StreamingOutput body = out -> {
            try {
                if (csv) {
                    export.csv(query, out);
                } else {
                    export.jsonLines(query, out);
                }
            } finally {
                release.run();
            }
        };
        return Response.ok(body, csv ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"supplyline-events." + format + "\"")
                .build();
    }

    /** Recomputes the hash chains of the whole store, or of one aggregate. */
    @GET
    @Path("/verify")
    @Operation(operationId = "verifyAuditChains",
            summary = "Recompute the hash chains of the whole store, or of one aggregate",
            extensions = @Extension(name = PROBLEM_CODES, value = "TOO_MANY_AUDIT_REQUESTS"))
    public ChainVerification verify(@QueryParam("aggregateId") @Pattern(regexp = TEXT) String aggregateId) {
        // The whole store can take minutes: stop reading it once the client has gone.
        return permits.call(() -> verifier.verify(aggregateId, () -> request.response().closed()));
    }

    static Instant instant(String text) {
        try {
            return text == null ? null : DateTimeUtils.parseInstant(text);
        } catch (DateTimeParseException e) {
            throw new jakarta.ws.rs.BadRequestException("Not an instant: " + text);
        }
    }
}
