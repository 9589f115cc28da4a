package io.supplyline.system.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import io.supplyline.deploy.cluster.ServiceProcess;

/**
 * The query instances' consumer group as Kafka sees it: each instance is a member whose client id ends
 * in its process id, and owns the partitions assigned to it (it applies them to every read model).
 */
public final class QueryGroup {

    private static final String GROUP = "supplyline-query";

    private QueryGroup() {
    }

    /** Partitions owned per process id, for the members of the group now. */
    public static Map<Long, Integer> partitionsByPid(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            ConsumerGroupDescription group;
            try {
                group = admin.describeConsumerGroups(List.of(GROUP)).all().get(30, TimeUnit.SECONDS).get(GROUP);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    // No instance has joined yet.
                    return Map.of();
                }
                throw e;
            }
            Map<Long, Integer> owned = new HashMap<>();
            for (MemberDescription member : group.members()) {
                String clientId = member.clientId();
                long pid = Long.parseLong(clientId.substring(clientId.lastIndexOf('-') + 1));
                owned.merge(pid, member.assignment().topicPartitions().size(), Integer::sum);
            }
            return owned;
        }
    }

    public static int partitionsOf(ServiceProcess instance, String bootstrapServers) throws Exception {
        return partitionsByPid(bootstrapServers).getOrDefault(instance.pid(), 0);
    }
}
