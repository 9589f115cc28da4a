package io.supplyline.support.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import io.supplyline.events.EventTopic;

/** Creates the topics a service needs when they are missing; an existing topic is left as it is. */
public final class Topics {

    private Topics() {
    }

    /** {@link EventTopic}, with infinite retention: the topic is the replayable history. */
    public static void ensureExists(Admin admin, int partitions, short replicationFactor, int minInSyncReplicas)
            throws InterruptedException, TimeoutException {
        ensureExists(admin, new NewTopic(EventTopic.NAME, partitions, replicationFactor).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInSyncReplicas))));
    }

    public static void ensureExists(Admin admin, NewTopic topic) throws InterruptedException, TimeoutException {
        // On a secured cluster only the command side may create it: look before trying to.
        try {
            admin.describeTopics(List.of(topic.name())).allTopicNames().get(30, TimeUnit.SECONDS);
            return;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw new IllegalStateException("Cannot describe topic " + topic.name(), e.getCause());
            }
        }
        try {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + topic.name(), e.getCause());
            }
        }
    }
}
