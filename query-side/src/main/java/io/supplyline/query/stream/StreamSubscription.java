package io.supplyline.query.stream;

import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One client's stream: sends each change once, in order, of the types it asked for, until it hangs up. */
final class StreamSubscription implements Consumer<LiveFeed.Change> {

    private final LiveFeed feed;
    private final SseEventSink sink;
    private final Sse sse;
    private final ObjectMapper json;
    /** Null: every type. */
    private final Set<String> wanted;
    private long lastSent;
    private Future<?> heartbeat;

    StreamSubscription(LiveFeed feed, SseEventSink sink, Sse sse, ObjectMapper json, Set<String> wanted) {
        this.feed = feed;
        this.sink = sink;
        this.sse = sse;
        this.json = json;
        this.wanted = wanted;
    }

    /** A change committed while subscribing may arrive both as missed and as live: it is sent once. */
    @Override
    public synchronized void accept(LiveFeed.Change change) {
        boolean reset = change.type().equals(LiveFeed.RESET);
        if (closedByClient() || change.sequence() <= lastSent || (!reset && wanted != null && !wanted.contains(change.type()))) {
            return;
        }
        lastSent = change.sequence();
        if (reset) {
            sink.send(sse.newEventBuilder().id(feed.idOf(change)).name(LiveFeed.RESET).data(change.data()).build());
            return;
        }
        try {
            sink.send(sse.newEventBuilder()
                    .id(feed.idOf(change))
                    .name(change.type())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(json.writeValueAsString(change.data()))
                    .build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Read-model views are plain records", e);
        }
    }

    synchronized void reset(String reason) {
        sink.send(sse.newEventBuilder().name("reset").data(reason).build());
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
        feed.unsubscribe(this);
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        return true;
    }
}
