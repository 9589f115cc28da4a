package io.supplyline.query.engine;

import static org.axonframework.messaging.Headers.AGGREGATE_ID;
import static org.axonframework.messaging.Headers.AGGREGATE_SEQ;
import static org.axonframework.messaging.Headers.AGGREGATE_TYPE;
import static org.axonframework.messaging.Headers.MESSAGE_ID;
import static org.axonframework.messaging.Headers.MESSAGE_METADATA;
import static org.axonframework.messaging.Headers.MESSAGE_REVISION;
import static org.axonframework.messaging.Headers.MESSAGE_TIMESTAMP;
import static org.axonframework.messaging.Headers.MESSAGE_TYPE;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.HeaderUtils;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import com.fasterxml.jackson.databind.ObjectReader;

import io.supplyline.events.axon.EventSerializer;
import io.supplyline.events.axon.EventUpcasters;
import io.supplyline.support.kafka.KafkaSettings;

/**
 * Records of the event topic as event messages, upcast to this version's event types, each payload
 * deserialised once for every projection. A record of an event type this version knows, in its current
 * revision, is read straight from Axon's headers and its JSON; anything else (an older revision that an
 * upcaster rewrites, a type this version does not know, a payload that does not parse) goes through
 * Axon's converter and upcaster chain. One serializer also serves the dead-letter tables: an event is
 * parked with its payload as it came, even one of a type this version cannot read.
 */
@Singleton
public class EventRecords {

    private final JacksonSerializer serializer = (JacksonSerializer) EventSerializer.create();
    private final KafkaMessageConverter<String, byte[]> converter = DefaultKafkaMessageConverter.builder()
            .serializer(serializer)
            .upcasterChain(EventUpcasters.chain())
            .build();
    /** By type name and revision as the topic carries them: a reader for the current revision, or none. */
    private final Map<SimpleSerializedType, Optional<ObjectReader>> currentTypes = new ConcurrentHashMap<>();
    private static final String METADATA_PREFIX = MESSAGE_METADATA + "-";
    private final KafkaSettings kafka;

    EventRecords(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    /** The event the record carries; empty for a record that is not an event message (no Axon headers). */
    public Optional<EventMessage<?>> event(ConsumerRecord<String, byte[]> record) {
        AxonHeaders axon = AxonHeaders.of(record.headers());
        if (axon.identifier == null || axon.type == null || axon.timestamp == null || record.value() == null) {
            return converter.readKafkaMessage(record);
        }
        Optional<ObjectReader> reader = currentTypes.computeIfAbsent(new SimpleSerializedType(axon.type, axon.revision), this::readerOf);
        if (reader.isEmpty()) {
            return converter.readKafkaMessage(record);
        }
        Object payload;
        try {
            payload = reader.get().readValue(record.value());
        } catch (IOException e) {
            // The converter defers it to the handlers, whose failure parks the event with its payload as it came.
            return converter.readKafkaMessage(record);
        }
        MetaData metaData = axon.metaData == null ? MetaData.emptyInstance() : MetaData.from(axon.metaData);
        GenericMessage<?> message = new GenericMessage<>(axon.identifier, payload, metaData);
        Instant at = Instant.ofEpochMilli(axon.timestamp);
        if (axon.aggregateType == null || axon.aggregateId == null || axon.sequence == null) {
            return Optional.of(new GenericEventMessage<>(message, () -> at));
        }
        return Optional.of(new GenericDomainEventMessage<>(axon.aggregateType, axon.aggregateId, axon.sequence, message, () -> at));
    }

    /**
     * The headers Axon's converter writes, read in one pass over the record's headers (the last of a key
     * counts, as in the converter): looking each up by key went through all of them every time, and
     * Axon's reading of the metadata went through them again.
     */
    private static final class AxonHeaders {
        String identifier;
        String type;
        String revision;
        Long timestamp;
        String aggregateType;
        String aggregateId;
        Long sequence;
        /** By key without Axon's prefix, values as text (as Axon's converter reads them); null for none. */
        Map<String, Object> metaData;

        static AxonHeaders of(Headers headers) {
            AxonHeaders axon = new AxonHeaders();
            for (Header header : headers) {
                String key = header.key();
                switch (key) {
                    case MESSAGE_ID -> axon.identifier = HeaderUtils.asString(header.value());
                    case MESSAGE_TYPE -> axon.type = HeaderUtils.asString(header.value());
                    case MESSAGE_REVISION -> axon.revision = HeaderUtils.asString(header.value());
                    case MESSAGE_TIMESTAMP -> axon.timestamp = HeaderUtils.asLong(header.value());
                    case AGGREGATE_TYPE -> axon.aggregateType = HeaderUtils.asString(header.value());
                    case AGGREGATE_ID -> axon.aggregateId = HeaderUtils.asString(header.value());
                    case AGGREGATE_SEQ -> axon.sequence = HeaderUtils.asLong(header.value());
                    default -> {
                        if (key.startsWith(METADATA_PREFIX)) {
                            if (axon.metaData == null) {
                                axon.metaData = new HashMap<>();
                            }
                            axon.metaData.put(key.substring(METADATA_PREFIX.length()), HeaderUtils.asString(header.value()));
                        }
                    }
                }
            }
            return axon;
        }
    }

    /** A reader of the type's JSON if the type is known here and {@code serialized} is its current revision. */
    private Optional<ObjectReader> readerOf(SimpleSerializedType serialized) {
        Class<?> type = serializer.classForType(new SimpleSerializedType(serialized.getName(), null));
        if (UnknownSerializedType.class.equals(type)
                || !Objects.equals(serializer.typeForClass(type).getRevision(), serialized.getRevision())) {
            return Optional.empty();
        }
        return Optional.of(serializer.getObjectMapper().readerFor(type));
    }

    JacksonSerializer serializer() {
        return serializer;
    }

    /** Settings of a consumer of the topic: keys as text, values as bytes, offsets never committed automatically. */
    public Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return properties;
    }
}
