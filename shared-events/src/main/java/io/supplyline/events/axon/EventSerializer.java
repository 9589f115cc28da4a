package io.supplyline.events.axon;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.supplyline.events.EventRevision;

/**
 * The JSON form of events in the event store and on Kafka, the same on both sides: Jackson, with
 * the revision taken from {@link EventRevision}.
 */
public final class EventSerializer {

    private EventSerializer() {
    }

    public static Serializer create(ObjectMapper objectMapper) {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper.copy())
                .revisionResolver(EventSerializer::revisionOf)
                .build();
    }

    static String revisionOf(Class<?> type) {
        EventRevision revision = type.getAnnotation(EventRevision.class);
        return revision == null ? null : revision.value();
    }
}
