package io.supplyline.query.engine;

import java.sql.Connection;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The partitions the live engine's consumer owns and where each goes on: a partition Kafka assigns stays
 * paused until it is positioned where the database says its rows are (never at Kafka's committed offset),
 * and is forgotten when Kafka takes it away. Used by the engine thread only, but for {@link #positions}.
 */
final class OwnedPartitions {

    /** Under the engine's name: what happens to its partitions is the engine's story in the log. */
    private static final Logger LOG = Logger.getLogger(ProjectionEngine.class);

    private final DataSource dataSource;
    /** Next offset of each partition this instance owns and has positioned; written by the engine thread. */
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private final Set<TopicPartition> unpositioned = new HashSet<>();

    OwnedPartitions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Next offset of each positioned partition, which the applier moves on with each batch. */
    Map<Integer, Long> positions() {
        return positions;
    }

    /** Follows Kafka's assignments of the consumer's partitions. */
    ConsumerRebalanceListener rebalanceListener(KafkaConsumer<String, byte[]> consumer) {
        return new Rebalance(consumer);
    }

    /**
     * Positions newly assigned partitions (and those of a failed batch) where their rows are.
     *
     * @return whether there were any; throws when their stored positions cannot be read (they wait)
     */
    boolean positionNew(KafkaConsumer<String, byte[]> consumer) {
        if (unpositioned.isEmpty()) {
            return false;
        }
        unpositioned.retainAll(consumer.assignment());
        List<Integer> partitions = unpositioned.stream().map(TopicPartition::partition).toList();
        try {
            Map<Integer, Long> stored = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return PartitionPositions.claim(connection, partitions);
                }
            });
            for (TopicPartition partition : unpositioned) {
                long next = stored.get(partition.partition());
                consumer.seek(partition, next);
                positions.put(partition.partition(), next);
            }
            unpositioned.clear();
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the stored positions of partitions %s (%s); they wait", partitions, e);
            throw e;
        }
    }

    /** The assigned partitions that are positioned. */
    Set<TopicPartition> ready(KafkaConsumer<String, byte[]> consumer) {
        Set<TopicPartition> ready = new HashSet<>(consumer.assignment());
        ready.removeAll(unpositioned);
        return ready;
    }

    /** After a failed batch: every assigned partition waits to be positioned again from the database. */
    void readAgain(KafkaConsumer<String, byte[]> consumer) {
        unpositioned.addAll(consumer.assignment());
        positions.clear();
        consumer.pause(consumer.assignment());
    }

    /** The consumer is gone. */
    void clear() {
        positions.clear();
        unpositioned.clear();
    }

    /** Kafka's committed offsets follow the database's, for tools that show a consumer group's lag. */
    void commitForTools(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> polled) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : polled.partitions()) {
            Long next = positions.get(partition.partition());
            if (next != null) {
                offsets.put(partition, new OffsetAndMetadata(next));
            }
        }
        consumer.commitAsync(offsets, null);
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> consumer;

        Rebalance(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        /** Between batches (a rebalance happens inside a poll): nothing of them is under way. */
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> positions.remove(partition.partition()));
            unpositioned.removeAll(partitions);
            LOG.infof("Partitions %s went to another query instance", partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            consumer.pause(partitions);
            unpositioned.addAll(partitions);
            if (!partitions.isEmpty()) {
                LOG.infof("Partitions %s are this instance's now", partitions);
            }
        }
    }
}
