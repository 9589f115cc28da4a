package io.supplyline.deploy.kafka;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of the broker's own-process launcher ({@link KafkaBroker#main}): where its data lives
 * and which node of which cluster it is, with the defaults of a single local node.
 */
record LauncherArgs(Path dataDir, ClusterMember member) {

    static LauncherArgs parse(String[] args) {
        Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "supplyline-kafka");
        int port = 9092;
        int nodeId = 1;
        List<Integer> controllerPorts = List.of(9093);
        String clusterId = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw usage("missing value after " + args[i]);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(value);
                case "--port" -> port = Integer.parseInt(value);
                case "--controller-port" -> controllerPorts = List.of(Integer.parseInt(value));
                case "--controller-ports" -> controllerPorts = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
                case "--node-id" -> nodeId = Integer.parseInt(value);
                case "--cluster-id" -> clusterId = value;
                default -> throw usage("unknown option " + args[i]);
            }
        }
        if (clusterId == null && controllerPorts.size() > 1) {
            throw usage("the nodes of a cluster share one --cluster-id");
        }
        return new LauncherArgs(dataDir, new ClusterMember(nodeId, port, controllerPorts,
                clusterId == null ? ClusterMember.newClusterId() : clusterId));
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "; usage: KafkaBroker [--data-dir DIR] [--port 9092]"
                + " [--controller-port 9093 | --node-id N --controller-ports P1,P2,P3 --cluster-id ID]");
    }
}
