package io.supplyline.deploy.kafka;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.common.Uuid;

/**
 * One node of a KRaft cluster on loopback in which every node is broker and controller: its id, its
 * client port, and the controller ports of all nodes (node {@code i + 1} listens on
 * {@code controllerPorts.get(i)}), which make the static voter set. All nodes share the cluster id.
 */
public record ClusterMember(int nodeId, int port, List<Integer> controllerPorts, String clusterId) {

    public ClusterMember {
        controllerPorts = List.copyOf(controllerPorts);
        if (nodeId < 1 || nodeId > controllerPorts.size()) {
            throw new IllegalArgumentException("node id " + nodeId + " is not one of 1.." + controllerPorts.size());
        }
    }

    /** A cluster of one, with a cluster id of its own. */
    public static ClusterMember single(int port, int controllerPort) {
        return new ClusterMember(1, port, List.of(controllerPort), Uuid.randomUuid().toString());
    }

    public static String newClusterId() {
        return Uuid.randomUuid().toString();
    }

    public int size() {
        return controllerPorts.size();
    }

    public int controllerPort() {
        return controllerPorts.get(nodeId - 1);
    }

    String voters() {
        return IntStream.range(0, size())
                .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts.get(i))
                .collect(Collectors.joining(","));
    }

    /** Copies of internal topics and of new topics: three where there are three nodes. */
    int replicationFactor() {
        return Math.min(3, size());
    }

    /** With three copies, a write needs two of them: one node may fail without losing an acknowledged record. */
    int minInsyncReplicas() {
        return Math.min(2, size());
    }
}
