package io.supplyline.command.serialization;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supplyline.events.axon.EventSerializer;

/**
 * Aggregate snapshots and process (saga) state, written as JSON field by field: both keep their
 * state private and have no getters; transient fields (injected resources) are left out. A
 * snapshot's revision comes from the aggregate's {@code @Revision}; a snapshot of another revision is
 * ignored and the aggregate is rebuilt from its events.
 */
public final class StateSerializer {

    private static final ObjectMapper FIELDS = EventSerializer.objectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

    private StateSerializer() {
    }

    public static Serializer create() {
        return JacksonSerializer.builder()
                .objectMapper(FIELDS.copy())
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }

    /** A process's fields as JSON, as Axon's saga store kept them. */
    public static byte[] write(Object state) {
        try {
            return FIELDS.writeValueAsBytes(state);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot write the state of " + state.getClass().getSimpleName(), e);
        }
    }

    /** A process read back from what {@link #write} wrote. */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return FIELDS.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read a stored " + type.getSimpleName(), e);
        }
    }

    /** An aggregate's or a process's fields as JSON, as a snapshot would keep them. */
    public static JsonNode describe(Object state) {
        return FIELDS.valueToTree(state);
    }
}
