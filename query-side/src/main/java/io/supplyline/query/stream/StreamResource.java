package io.supplyline.query.stream;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Server-Sent Events: read-model changes ({@code stock-level}, {@code order}, {@code shipment},
 * {@code purchase-order}) and alert openings and resolutions ({@code alert}) as they commit, optionally
 * only some types ({@code ?types=alert,stock-level}). Each event's id can be sent back as
 * {@code Last-Event-ID} to resume; when the missed changes cannot be told, the first event is
 * {@code reset} (reload, then follow). A comment line every heartbeat keeps a quiet stream open.
 */
@Path("/stream")
@RolesAllowed("analyst")
public class StreamResource {

    private static final String TYPE = "(stock-level|order|shipment|purchase-order|alert)";

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
    public void stream(@Context SseEventSink sink, @Context Sse sse,
                       @HeaderParam("Last-Event-ID") String lastEventId,
                       @QueryParam("types") @Pattern(regexp = TYPE + "(," + TYPE + ")*") String types) {
        Set<String> wanted = types == null ? null : Arrays.stream(types.split(",")).collect(Collectors.toSet());
        StreamSubscription subscription = new StreamSubscription(feed, sink, sse, json, wanted);
        Optional<List<LiveFeed.Change>> missed = feed.subscribe(lastEventId, subscription);
        if (missed.isEmpty()) {
            subscription.reset("The changes after " + lastEventId + " are no longer known here: reload, then follow");
        }
        missed.orElse(List.of()).forEach(subscription);
        subscription.beatWith(heartbeats.scheduleAtFixedRate(subscription::heartbeat, heartbeat.toMillis(),
                heartbeat.toMillis(), TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stopHeartbeats() {
        heartbeats.shutdownNow();
    }
}
