package io.supplyline.deploy.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    private static final String TOPIC = "shipments";

    @TempDir
    Path dataDir;

    private final int port = FreePorts.next();
    private final int controllerPort = FreePorts.next();

    @Test
    void aConsumerGroupReadsBackARecordThatWasProduced() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dataDir, port, controllerPort)) {
            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);
            createTopic(broker);

            RecordMetadata sent = produce(broker, "order-1", "picked");

            try (KafkaConsumer<String, String> consumer = consumer(broker, "group-" + UUID.randomUUID())) {
                consumer.subscribe(List.of(TOPIC));
                List<ConsumerRecord<String, String>> records = pollUntil(consumer, 1);
                assertThat(records).singleElement().satisfies(record -> {
                    assertThat(record.key()).isEqualTo("order-1");
                    assertThat(record.value()).isEqualTo("picked");
                    assertThat(record.partition()).isEqualTo(sent.partition());
                    assertThat(record.offset()).isEqualTo(sent.offset());
                });
            }
        }
    }

    @Test
    void recordsSurviveAStopAndRestartOnTheSameDirectoryAndPort() throws Exception {
        RecordMetadata beforeOutage;
        try (KafkaBroker broker = KafkaBroker.start(dataDir, port, controllerPort)) {
            createTopic(broker);
            beforeOutage = produce(broker, "order-1", "picked");
            assertThat(beforeOutage.offset()).isZero();
            broker.stop();
            broker.stop(); // a second stop (and close) is harmless
        }

        try (KafkaBroker restarted = KafkaBroker.start(dataDir, port, controllerPort)) {
            TopicPartition partition = new TopicPartition(TOPIC, beforeOutage.partition());
            try (KafkaConsumer<String, String> consumer = consumer(restarted, null)) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                assertThat(pollUntil(consumer, 1)).singleElement().satisfies(record -> {
                    assertThat(record.offset()).isZero();
                    assertThat(record.value()).isEqualTo("picked");
                });
            }

            RecordMetadata afterOutage = produce(restarted, "order-1", "packed");
            assertThat(afterOutage.partition()).isEqualTo(beforeOutage.partition());
            assertThat(afterOutage.offset()).isEqualTo(1);
        }
    }

    @Test
    void aTransactionalProducerCanCommitOnASingleNode() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dataDir, port, controllerPort)) {
            createTopic(broker);
            Properties config = producerConfig(broker);
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(TOPIC, "order-2", "shipped"));
                producer.commitTransaction();
            }

            try (KafkaConsumer<String, String> consumer = consumer(broker, "group-" + UUID.randomUUID())) {
                consumer.subscribe(List.of(TOPIC));
                assertThat(pollUntil(consumer, 1)).extracting(ConsumerRecord::value).containsExactly("shipped");
            }
        }
    }

    private static void createTopic(KafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
    }

    private static Properties producerConfig(KafkaBroker broker) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }

    private static RecordMetadata produce(KafkaBroker broker, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker))) {
            return producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    private static KafkaConsumer<String, String> consumer(KafkaBroker broker, String groupId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        return new KafkaConsumer<>(config);
    }

    private static List<ConsumerRecord<String, String>> pollUntil(KafkaConsumer<String, String> consumer, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }
}
