package io.supplyline.events.axon;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.supplyline.events.EventRevision;

/**
 * The JSON form of events in the event store and on Kafka, the same on both sides and independent
 * of how either service reads HTTP bodies: Jackson with the modules on the classpath (Java time),
 * ISO-8601 dates, the revision taken from {@link EventRevision}, and tolerant reading, because a
 * newer revision's extra fields must not break an older reader.
 */
public final class EventSerializer {

    private EventSerializer() {
    }

    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public static Serializer create() {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper())
                .revisionResolver(EventSerializer::revisionOf)
                .build();
    }

    static String revisionOf(Class<?> type) {
        EventRevision revision = type.getAnnotation(EventRevision.class);
        return revision == null ? null : revision.value();
    }
}
