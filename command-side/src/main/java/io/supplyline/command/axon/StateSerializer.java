package io.supplyline.command.axon;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;

import io.supplyline.events.axon.EventSerializer;

/**
 * Aggregate snapshots and process (saga) state, written as JSON field by field: both keep their
 * state private and have no getters; transient fields (injected resources) are left out. A
 * snapshot's revision comes from the aggregate's {@code @Revision}; a snapshot of another revision is
 * ignored and the aggregate is rebuilt from its events.
 */
final class StateSerializer {

    private StateSerializer() {
    }

    static Serializer create() {
        return JacksonSerializer.builder()
                .objectMapper(EventSerializer.objectMapper()
                        .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY))
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }
}
