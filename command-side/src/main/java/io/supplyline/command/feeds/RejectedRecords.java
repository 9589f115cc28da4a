package io.supplyline.command.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The rejected topic: a refused record goes there unchanged (key, value, headers) with headers that say
 * why and where it came from, acknowledged by the brokers before the feed moves past it.
 */
final class RejectedRecords implements AutoCloseable {

    static final String CODE = "supplyline-error-code";
    static final String DETAIL = "supplyline-error-detail";
    static final String FEED = "supplyline-feed";
    static final String SOURCE_TOPIC = "supplyline-source-topic";
    static final String SOURCE_PARTITION = "supplyline-source-partition";
    static final String SOURCE_OFFSET = "supplyline-source-offset";

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;

    RejectedRecords(String topic, Map<String, Object> clientProperties) {
        this.topic = topic;
        Map<String, Object> settings = new HashMap<>(clientProperties);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "supplyline-feeds-rejected");
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        this.producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }

    String topic() {
        return topic;
    }

    /** Sends and waits for the acknowledgement; a failure to send is a passing one, for the feed to retry. */
    void send(String feed, ConsumerRecord<byte[], byte[]> record, String code, String detail)
            throws InterruptedException, ExecutionException, TimeoutException {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(CODE, utf8(code));
        headers.add(DETAIL, utf8(detail));
        headers.add(FEED, utf8(feed));
        headers.add(SOURCE_TOPIC, utf8(record.topic()));
        headers.add(SOURCE_PARTITION, utf8(String.valueOf(record.partition())));
        headers.add(SOURCE_OFFSET, utf8(String.valueOf(record.offset())));
        producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers)).get(40, TimeUnit.SECONDS);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
