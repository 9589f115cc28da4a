package io.supplyline.deploy.generator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The generator's side of the inbound feeds: records for supplychain.inbound.tracking, .scans and .orders,
 * as a carrier, a scanner system and a shop would publish them (acks=all, idempotent producer), each with
 * a {@code recordId}. Counts what the broker acknowledged per feed and, when asked, keeps each
 * acknowledged record as {@code feed/recordId} for the books.
 */
final class InboundFeeds implements AutoCloseable {

    static final String TRACKING = "tracking";
    static final String SCANS = "scans";
    static final String ORDERS = "orders";

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final KafkaProducer<String, String> producer;
    private final Map<String, LongAdder> published = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private volatile boolean keepAcknowledged;

    InboundFeeds(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "supplyline-generator-feeds",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer());
    }

    /** Sends without waiting; the record counts once the broker acknowledged it. */
    void publish(String feed, String key, String recordId, Map<String, Object> body) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("recordId", recordId);
        record.putAll(body);
        String value;
        try {
            value = JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        producer.send(new ProducerRecord<>("supplychain.inbound." + feed, key, value), (metadata, failure) -> {
            if (failure != null) {
                failed.computeIfAbsent(feed, f -> new LongAdder()).increment();
                return;
            }
            published.computeIfAbsent(feed, f -> new LongAdder()).increment();
            if (keepAcknowledged) {
                acknowledged.add(feed + "/" + recordId);
            }
        });
    }

    /** Waits until every record sent so far was acknowledged or failed. */
    void flush() {
        producer.flush();
    }

    void keepAcknowledged() {
        keepAcknowledged = true;
    }

    List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    Map<String, Long> publishedByFeed() {
        return snapshot(published);
    }

    Map<String, Long> failedByFeed() {
        return snapshot(failed);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    @Override
    public void close() {
        producer.close();
    }
}
