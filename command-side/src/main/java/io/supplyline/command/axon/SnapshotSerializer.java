package io.supplyline.command.axon;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;

import io.supplyline.events.axon.EventSerializer;

/**
 * Snapshots are aggregates written as JSON field by field: aggregates keep their state private and
 * have no getters. The revision comes from the aggregate's {@code @Revision}; a snapshot of another
 * revision is ignored and the aggregate is rebuilt from its events.
 */
final class SnapshotSerializer {

    private SnapshotSerializer() {
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
