package io.supplyline.deploy.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the local cluster's processes listen and keep their data: three Kafka nodes (client and
 * controller ports), two command-side and two query-side instances, the two databases, and the
 * system properties every service gets.
 */
public record ClusterLayout(Path root, Path dataDirectory, List<Integer> brokerPorts, List<Integer> controllerPorts,
                            List<Integer> commandPorts, List<Integer> queryPorts, String commandDatabaseUrl,
                            String queryDatabaseUrl, String databaseUser, String databasePassword,
                            List<String> serviceProperties) {

    /** The fixed ports of `deploy/run-cluster.sh`: Kafka 9092/9094/9096, commands 8080/8082, queries 8081/8083. */
    public static ClusterLayout standard(Path root, Path dataDirectory, Map<String, String> env) {
        String database = "jdbc:postgresql://127.0.0.1:" + env.getOrDefault("PGPORT", "5432") + "/";
        return new ClusterLayout(root, dataDirectory, List.of(9092, 9094, 9096), List.of(9093, 9095, 9097),
                List.of(8080, 8082), List.of(8081, 8083),
                env.getOrDefault("SUPPLYLINE_COMMAND_DB_URL", database + "supplyline_command"),
                env.getOrDefault("SUPPLYLINE_QUERY_DB_URL", database + "supplyline_query"),
                env.getOrDefault("SUPPLYLINE_DB_USER", "supplyline"), env.getOrDefault("SUPPLYLINE_DB_PASSWORD", "supplyline"),
                // The local profile: Basic users (operator/operator...) on PostgreSQL, as the variables say.
                List.of("quarkus.profile=local"));
    }

    public ClusterLayout withServiceProperties(List<String> properties) {
        return new ClusterLayout(root, dataDirectory, brokerPorts, controllerPorts, commandPorts, queryPorts,
                commandDatabaseUrl, queryDatabaseUrl, databaseUser, databasePassword, properties);
    }

    Path logDirectory() {
        return dataDirectory.resolve("logs");
    }
}
