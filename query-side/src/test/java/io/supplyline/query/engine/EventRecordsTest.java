package io.supplyline.query.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.api.Test;

import io.supplyline.events.axon.EventSerializer;
import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.catalog.ReorderPolicy;
import io.supplyline.events.catalog.Sku;

/**
 * Records read as events: one of the current revision straight from its headers, anything else through
 * Axon's converter and upcasters, and both give the event the command side sent.
 */
class EventRecordsTest {

    private static final Instant AT = Instant.parse("2026-12-02T10:15:30.123Z");
    private static final ProductRegistered REGISTERED =
            new ProductRegistered(new Sku("BOLT-M8"), "M8 bolt", "EA", new ReorderPolicy(100, 500));

    private final EventRecords records = new EventRecords(null);

    /** What the command side's relay puts on the topic for the event. */
    private static ConsumerRecord<String, byte[]> published(EventMessage<?> event) {
        ProducerRecord<String, byte[]> sent = DefaultKafkaMessageConverter.builder().serializer(EventSerializer.create()).build()
                .createKafkaMessage(event, "supplychain.events");
        return new ConsumerRecord<>("supplychain.events", 0, 7, AT.toEpochMilli(), TimestampType.CREATE_TIME, 0, 0,
                sent.key(), sent.value(), sent.headers(), Optional.empty());
    }

    /** The record with one header's value replaced. */
    private static ConsumerRecord<String, byte[]> withHeader(ConsumerRecord<String, byte[]> record, String key, String value,
                                                             byte[] body) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header.key(), header.key().equals(key) ? value.getBytes(StandardCharsets.UTF_8) : header.value());
        }
        return new ConsumerRecord<>(record.topic(), 0, 7, record.timestamp(), TimestampType.CREATE_TIME, 0, 0,
                record.key(), body, headers, Optional.empty());
    }

    @Test
    void anEventOfTheCurrentRevisionReadsAsItWasSent() {
        var sent = new GenericDomainEventMessage<>("Product", "product:BOLT-M8", 4, REGISTERED,
                MetaData.with("correlationId", "c-1"), "message-1", AT);

        DomainEventMessage<?> read = (DomainEventMessage<?>) records.event(published(sent)).orElseThrow();

        assertThat(read.getPayload()).isEqualTo(REGISTERED);
        assertThat(read.getPayloadType()).isEqualTo(ProductRegistered.class);
        assertThat(read.getIdentifier()).isEqualTo("message-1");
        assertThat(read.getAggregateIdentifier()).isEqualTo("product:BOLT-M8");
        assertThat(read.getType()).isEqualTo("Product");
        assertThat(read.getSequenceNumber()).isEqualTo(4);
        assertThat(read.getTimestamp()).isEqualTo(AT);
        assertThat(read.getMetaData()).isEqualTo(MetaData.with("correlationId", "c-1"));
    }

    @Test
    void anOlderRevisionIsUpcastOnTheWay() {
        var sent = new GenericDomainEventMessage<>("Product", "product:BOLT-M8", 0, REGISTERED, MetaData.emptyInstance(),
                "message-2", AT);
        byte[] revisionOne = ("{\"sku\":\"BOLT-M8\",\"name\":\"M8 bolt\",\"unitOfMeasure\":\"EA\","
                + "\"reorderPoint\":100,\"reorderQuantity\":500}").getBytes(StandardCharsets.UTF_8);

        EventMessage<?> read = records.event(withHeader(published(sent), "axon-message-revision", "1", revisionOne)).orElseThrow();

        assertThat(read.getPayload()).isEqualTo(REGISTERED);
        assertThat(((DomainEventMessage<?>) read).getSequenceNumber()).isZero();
    }

    @Test
    void aTypeThisVersionDoesNotKnowStaysUnknownAndAPayloadThatDoesNotParseFailsWhenHandled() {
        var sent = new GenericDomainEventMessage<>("Product", "product:BOLT-M8", 1, REGISTERED, MetaData.emptyInstance(),
                "message-3", AT);
        ConsumerRecord<String, byte[]> record = published(sent);

        EventMessage<?> unknown = records.event(withHeader(record, "axon-message-type", "io.elsewhere.Unheard", record.value()))
                .orElseThrow();
        assertThat(unknown.getPayloadType()).isEqualTo(UnknownSerializedType.class);

        EventMessage<?> broken = records.event(withHeader(record, "axon-message-id", "message-3",
                "{\"sku\":".getBytes(StandardCharsets.UTF_8))).orElseThrow();
        assertThat(broken.getPayloadType()).isEqualTo(ProductRegistered.class);
        assertThatThrownBy(broken::getPayload).isNotNull();
    }

    @Test
    void aRecordWithoutAxonHeadersIsNoEvent() {
        ConsumerRecord<String, byte[]> plain = new ConsumerRecord<>("supplychain.events", 0, 1, AT.toEpochMilli(),
                TimestampType.CREATE_TIME, 0, 0, "k", "{}".getBytes(StandardCharsets.UTF_8), new RecordHeaders(), Optional.empty());
        assertThat(records.event(plain)).isEmpty();
    }
}
