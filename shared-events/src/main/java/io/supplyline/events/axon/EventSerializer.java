package io.supplyline.events.axon;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supplyline.events.EventRevision;

/**
 * The JSON form of events in the event store and on Kafka, the same on both sides: Jackson, with
 * the revision taken from {@link EventRevision}.
 */
public final class EventSerializer {

    private EventSerializer() {
    }

    /**
     * Starts from the service's mapper (Java time, records) but reads events tolerantly: a newer
     * revision's extra fields must not break an older reader, whatever the HTTP side demands.
     */
    public static Serializer create(ObjectMapper objectMapper) {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper.copy()
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .revisionResolver(EventSerializer::revisionOf)
                .build();
    }

    static String revisionOf(Class<?> type) {
        EventRevision revision = type.getAnnotation(EventRevision.class);
        return revision == null ? null : revision.value();
    }
}
