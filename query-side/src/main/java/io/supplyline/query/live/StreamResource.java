package io.supplyline.query.live;

import static io.supplyline.query.http.QueryApiDocument.PROBLEM_CODES;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.supplyline.query.http.Refusal;
import io.supplyline.query.stream.LiveFeed;
import io.vertx.core.http.HttpServerResponse;

/**
 * Server-Sent Events: read-model changes ({@code stock-level}, {@code order}, {@code shipment},
 * {@code purchase-order}) and alert openings and resolutions ({@code alert}) as they commit, optionally
 * only some types ({@code ?types=alert,stock-level}). Each event's id can be sent back as
 * {@code Last-Event-ID} to resume; when the missed changes cannot be told, the first event is
 * {@code reset} (reload, then follow). A comment line every heartbeat keeps a quiet stream open. An instance
 * serves {@code supplyline.stream.max-subscribers} streams at once (one more is refused with 503 and
 * {@code Retry-After}); a client that stops reading is cut off once it falls too far behind.
 */
@Path("/stream")
@Tag(name = "Live stream", description = "Read-model changes and alerts as they commit (Server-Sent Events)")
@RolesAllowed("analyst")
public class StreamResource {

    private static final String TYPE = "(stock-level|order|shipment|purchase-order|alert)";
    /** When a client refused for want of room should try again: by then another may have hung up. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final LiveFeed feed;
    private final ObjectMapper json;
    private final Duration heartbeat;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sse-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    StreamResource(LiveFeed feed, ObjectMapper json,
                   @ConfigProperty(name = "supplyline.stream.heartbeat", defaultValue = "15s") Duration heartbeat) {
        this.feed = feed;
        this.json = json;
        this.heartbeat = heartbeat;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamChanges", summary = "Follow the read models' changes and the alerts",
            extensions = @Extension(name = PROBLEM_CODES, value = "TOO_MANY_STREAMS"))
    @APIResponse(responseCode = "200",
            description = "Server-Sent Events until the client hangs up. Each event is named after its type "
                    + "(`stock-level`, `order`, `shipment`, `purchase-order`, `alert`) and carries the changed item's "
                    + "view as its read answers it, as JSON; its id resumes the stream as `Last-Event-ID`. A `reset` "
                    + "event (its data a sentence) means changes were missed: reload, then follow. A comment line "
                    + "every 15 s (by default) keeps a quiet stream open.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context HttpServerResponse response,
                       @HeaderParam("Last-Event-ID") @Parameter(description = "The id of the last event received: "
                               + "the stream resumes after it") String lastEventId,
                       @QueryParam("types") @Pattern(regexp = TYPE + "(," + TYPE + ")*")
                       @Parameter(description = "Only these types, separated by commas (`reset` always comes)")
                       String types) {
        Set<String> wanted = types == null ? null : Arrays.stream(types.split(",")).collect(Collectors.toSet());
        StreamSubscription subscription = new StreamSubscription(feed, sink, sse, json, wanted, response::reset);
        if (!feed.subscribe(lastEventId, subscription)) {
            throw new Refusal(503, "TOO_MANY_STREAMS", "This instance streams to as many clients as it may; try again shortly",
                    RETRY_AFTER);
        }
        // Hearing at once that the client hung up, rather than at the next change or heartbeat, frees its place sooner.
        SseBroadcaster hangUps = sse.newBroadcaster();
        hangUps.register(sink);
        hangUps.onClose(closed -> subscription.close());
        subscription.beatWith(heartbeats.scheduleAtFixedRate(subscription::heartbeat, heartbeat.toMillis(),
                heartbeat.toMillis(), TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stopHeartbeats() {
        heartbeats.shutdownNow();
    }
}
