package io.supplyline.deploy.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three KRaft nodes on loopback: every record is on three nodes, and one node may go without losing a write. */
class KafkaClusterTest {

    private static final String TOPIC = "orders";

    @TempDir
    Path dataDir;

    @Test
    void withOneOfThreeNodesDownAcknowledgedWritesGoOnAndNothingIsLost() throws Exception {
        List<Integer> controllerPorts = List.of(FreePorts.next(), FreePorts.next(), FreePorts.next());
        String clusterId = ClusterMember.newClusterId();
        // A node is ready only once a quorum of controllers is up, so the three start side by side.
        List<CompletableFuture<KafkaBroker>> starting = IntStream.rangeClosed(1, 3)
                .mapToObj(node -> CompletableFuture.supplyAsync(() -> KafkaBroker.start(dataDir.resolve("node-" + node),
                        new ClusterMember(node, FreePorts.next(), controllerPorts, clusterId))))
                .toList();
        List<KafkaBroker> nodes = starting.stream().map(CompletableFuture::join).toList();
        try {
            String bootstrap = String.join(",", nodes.stream().map(KafkaBroker::bootstrapServers).toList());
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 3)
                        .configs(Map.of("min.insync.replicas", "2")))).all().get();
                TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
                assertThat(topic.partitions()).allSatisfy(partition -> assertThat(partition.isr()).hasSize(3));
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrap))) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "order-" + i, "before")).get();
                }
                nodes.get(0).stop();
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "order-" + i, "after")).get();
                }
            }

            try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
                List<TopicPartition> partitions = List.of(new TopicPartition(TOPIC, 0), new TopicPartition(TOPIC, 1));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                List<String> values = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (values.size() < 20 && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                }
                assertThat(values).hasSize(20).filteredOn("before"::equals).hasSize(10);
            }
        } finally {
            // Side by side: a node stopped after the others finds no quorum to approve its shutdown.
            nodes.parallelStream().forEach(KafkaBroker::stop);
        }
    }

    private static Properties producerConfig(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }
}
