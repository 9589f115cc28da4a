package io.supplyline.query.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class ArrivalOrderTest {

    private static ConsumerRecord<String, String> record(int partition, long offset, long timestamp) {
        return new ConsumerRecord<>("t", partition, offset, timestamp, TimestampType.CREATE_TIME, 0, 0,
                partition + "@" + offset, "v", new RecordHeaders(), Optional.empty());
    }

    @Test
    void partitionsInterleaveByTimestampAndEachKeepsItsOwnOrder() {
        ConsumerRecords<String, String> polled = new ConsumerRecords<>(Map.of(
                new TopicPartition("t", 0), List.of(record(0, 0, 10), record(0, 1, 30), record(0, 2, 20)),
                new TopicPartition("t", 1), List.of(record(1, 0, 15), record(1, 1, 25))), Map.of());

        // Partition 0's third record has an earlier timestamp than its second: it still comes after it.
        assertThat(ArrivalOrder.of(polled)).extracting(ConsumerRecord::key)
                .containsExactly("0@0", "1@0", "1@1", "0@1", "0@2");
    }
}
