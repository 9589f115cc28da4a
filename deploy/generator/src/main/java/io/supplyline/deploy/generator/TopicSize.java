package io.supplyline.deploy.generator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import io.supplyline.events.EventTopic;

/** The number of records on the events topic: the sum of its partitions' end offsets. */
public final class TopicSize {

    private TopicSize() {
    }

    public static long of(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var partitions = admin.describeTopics(List.of(EventTopic.NAME)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(EventTopic.NAME).partitions().stream()
                    .collect(Collectors.toMap(info -> new TopicPartition(EventTopic.NAME, info.partition()),
                            info -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(offset -> offset.offset())
                    .sum();
        }
    }

    /** Waits until the topic stops growing for {@code quiet}, so the relay and processes have caught up. */
    static long settled(String bootstrapServers, Duration quiet, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        long size = of(bootstrapServers);
        while (System.nanoTime() < deadline) {
            Thread.sleep(quiet.toMillis());
            long now = of(bootstrapServers);
            if (now == size) {
                return now;
            }
            size = now;
        }
        return size;
    }
}
