package io.supplyline.query.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * A poll's records in the order they reached the topic, as near as Kafka can tell: a poll hands them
 * over partition by partition, so events of different aggregates would otherwise be applied in an
 * order nobody sent them in (the alerts' demand detectors read events of many aggregates). Each
 * partition keeps its own order; among partitions, the record with the earliest timestamp goes first.
 */
final class ArrivalOrder {

    private ArrivalOrder() {
    }

    static <K, V> List<ConsumerRecord<K, V>> of(ConsumerRecords<K, V> polled) {
        return of(List.of(polled));
    }

    /** The records of several polls, one after the other, merged as one. */
    static <K, V> List<ConsumerRecord<K, V>> of(List<ConsumerRecords<K, V>> polls) {
        Map<TopicPartition, List<ConsumerRecord<K, V>>> byPartition = new LinkedHashMap<>();
        int count = 0;
        for (ConsumerRecords<K, V> polled : polls) {
            for (TopicPartition partition : polled.partitions()) {
                byPartition.computeIfAbsent(partition, key -> new ArrayList<>()).addAll(polled.records(partition));
            }
            count += polled.count();
        }
        List<List<ConsumerRecord<K, V>>> partitions = new ArrayList<>(byPartition.values());
        int[] next = new int[partitions.size()];
        List<ConsumerRecord<K, V>> merged = new ArrayList<>(count);
        while (merged.size() < count) {
            int earliest = -1;
            for (int i = 0; i < partitions.size(); i++) {
                if (next[i] < partitions.get(i).size() && (earliest < 0
                        || partitions.get(i).get(next[i]).timestamp() < partitions.get(earliest).get(next[earliest]).timestamp())) {
                    earliest = i;
                }
            }
            merged.add(partitions.get(earliest).get(next[earliest]++));
        }
        return merged;
    }
}
