package io.supplyline.events;

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

/**
 * The topic that carries every domain event. Key = aggregate id, so one aggregate's events stay in
 * order on one partition; retention is infinite because the topic is the replayable history.
 */
public final class EventTopic {

    public static final String NAME = "supplychain.events";

    private EventTopic() {
    }

    /** Creates the topic if it is missing; an existing topic is left as it is. */
    public static void ensureExists(Admin admin, int partitions, short replicationFactor, int minInSyncReplicas)
            throws InterruptedException, TimeoutException {
        ensureExists(admin, new NewTopic(NAME, partitions, replicationFactor).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInSyncReplicas))));
    }

    /** Creates any topic if it is missing; an existing topic is left as it is. */
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

    /** True when the cluster answers within the timeout: the readiness probe of both services. */
    public static boolean reachable(Admin admin, long timeoutMillis) {
        try {
            admin.describeCluster().nodes().get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
