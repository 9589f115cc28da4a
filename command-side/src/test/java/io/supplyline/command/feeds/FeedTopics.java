package io.supplyline.command.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.deploy.kafka.TopicReader;

/** What the feed tests do to the real broker and database: publish, rewind a feed, read the rejected topic, close the database. */
final class FeedTopics {

    static final String REJECTED = "supplychain.inbound.rejected";
    static final String CORRELATION_ID = "feed-test";
    /** Another database of the same server, from which the command side's can be closed and opened again. */
    private static final String ADMIN_DATABASE = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String COMMAND_DATABASE = "supplyline_command_test";
    private static KafkaProducer<String, byte[]> producer;

    private FeedTopics() {
    }

    /** @return where the record landed, topic/partition/offset: its idempotency key when it has no recordId */
    static synchronized String publish(String topic, String key, String value) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KafkaBrokerTestResource.bootstrapServers()), new StringSerializer(), new ByteArraySerializer());
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8));
        record.headers().add("X-Correlation-Id", CORRELATION_ID.getBytes(StandardCharsets.UTF_8));
        try {
            RecordMetadata landed = producer.send(record).get(10, TimeUnit.SECONDS);
            return landed.topic() + "/" + landed.partition() + "/" + landed.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rejected topic's records by their value (the original record's). */
    static Map<String, ConsumerRecord<String, byte[]>> rejectedByValue() {
        Map<String, ConsumerRecord<String, byte[]>> rejected = new HashMap<>();
        TopicReader.readAll(KafkaBrokerTestResource.bootstrapServers(), REJECTED)
                .forEach(record -> rejected.put(new String(record.value(), StandardCharsets.UTF_8), record));
        return rejected;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        assertThat(record).as("a record on the topic").isNotNull();
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** As if the feed's consumer had died before committing: its group resumes at the topic's first record. */
    static void rewind(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaBrokerTestResource.bootstrapServers()))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            admin.listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition,
                            partition -> OffsetSpec.earliest())))
                    .all().get(10, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> start.put(partition, new OffsetAndMetadata(offset.offset())));
            admin.alterConsumerGroupOffsets(group, start).all().get(10, TimeUnit.SECONDS);
        }
    }

    /** The command side's database refuses new connections and drops every open one until the returned outage ends. */
    static Outage closeDatabase() throws SQLException {
        Connection admin = DriverManager.getConnection(ADMIN_DATABASE, "supplyline", "supplyline");
        try (Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + COMMAND_DATABASE + " WITH ALLOW_CONNECTIONS false");
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + COMMAND_DATABASE + "'");
        } catch (SQLException e) {
            try (admin; Statement sql = admin.createStatement()) {
                sql.execute("ALTER DATABASE " + COMMAND_DATABASE + " WITH ALLOW_CONNECTIONS true");
            }
            throw e;
        }
        return () -> {
            try (admin; Statement sql = admin.createStatement()) {
                sql.execute("ALTER DATABASE " + COMMAND_DATABASE + " WITH ALLOW_CONNECTIONS true");
            }
        };
    }

    interface Outage extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }
}
