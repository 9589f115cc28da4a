package io.supplyline.query.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.serialization.Serializer;

import io.supplyline.events.axon.EventSerializer;
import io.supplyline.events.axon.EventUpcasters;
import io.supplyline.query.axon.KafkaSettings;

/**
 * Records of the event topic as event messages, upcast to this version's event types. A message's
 * payload is deserialised when first asked for and then kept, so every projection shares one copy.
 * One serializer also serves the dead-letter tables: an event is parked with its payload as it came,
 * even one of a type this version cannot read.
 */
@Singleton
public class EventRecords {

    private final Serializer serializer = EventSerializer.create();
    private final KafkaMessageConverter<String, byte[]> converter = DefaultKafkaMessageConverter.builder()
            .serializer(serializer)
            .upcasterChain(EventUpcasters.chain())
            .build();
    private final KafkaSettings kafka;

    EventRecords(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    /** The event the record carries; empty for a record that is not an event message (no Axon headers). */
    public Optional<EventMessage<?>> event(ConsumerRecord<String, byte[]> record) {
        return converter.readKafkaMessage(record);
    }

    Serializer serializer() {
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
