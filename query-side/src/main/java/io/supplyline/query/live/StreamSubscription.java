package io.supplyline.query.live;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supplyline.query.stream.LiveFeed;

/** One client's stream: the changes of the types it asked for, and every reset, as the feed hands them over. */
final class StreamSubscription implements LiveFeed.Subscriber {

    private static final CompletionStage<?> SKIPPED = CompletableFuture.completedFuture(null);

    private final LiveFeed feed;
    private final SseEventSink sink;
    private final Sse sse;
    private final ObjectMapper json;
    /** Null: every type. */
    private final Set<String> wanted;
    /** Cuts the connection at once: closing the sink would wait behind what the client does not read. */
    private final Runnable cutOff;
    private Future<?> heartbeat;

    StreamSubscription(LiveFeed feed, SseEventSink sink, Sse sse, ObjectMapper json, Set<String> wanted, Runnable cutOff) {
        this.feed = feed;
        this.sink = sink;
        this.sse = sse;
        this.json = json;
        this.wanted = wanted;
        this.cutOff = cutOff;
    }

    @Override
    public synchronized CompletionStage<?> send(LiveFeed.Change change) {
        boolean reset = change.type().equals(LiveFeed.RESET);
        if (closedByClient() || (!reset && wanted != null && !wanted.contains(change.type()))) {
            return SKIPPED;
        }
        OutboundSseEvent.Builder event = sse.newEventBuilder().id(feed.idOf(change)).name(change.type());
        if (reset) {
            return sink.send(event.data(change.data()).build());
        }
        try {
            return sink.send(event.mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(json.writeValueAsString(change.data())).build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Read-model views are plain records", e);
        }
    }

    /** Too far behind: its browser reconnects with the last id it got, and resumes or reloads. */
    @Override
    public void dropped() {
        close();
        cutOff.run();
    }

    /** The client hung up, or was cut off: its place is free for another. */
    synchronized void close() {
        feed.unsubscribe(this);
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    synchronized void beatWith(Future<?> heartbeat) {
        this.heartbeat = heartbeat;
    }

    synchronized void heartbeat() {
        if (!closedByClient()) {
            sink.send(sse.newEventBuilder().comment("heartbeat").build());
        }
    }

    private boolean closedByClient() {
        if (!sink.isClosed()) {
            return false;
        }
        close();
        return true;
    }
}
