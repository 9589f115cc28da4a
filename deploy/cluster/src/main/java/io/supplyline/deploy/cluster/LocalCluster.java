package io.supplyline.deploy.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Supplyline in production shape on one machine: a three-node Kafka cluster (KRaft, topic with
 * replication 3 and min ISR 2, relay with acks=all), two command-side instances sharing the event
 * store, and two query-side instances sharing the projections, each its own process. PostgreSQL
 * is the caller's (deploy/postgres.sh). {@link #main} is `deploy/run-cluster.sh`.
 */
public final class LocalCluster implements AutoCloseable {

    private static final Duration BROKER_READY = Duration.ofSeconds(90);
    private static final Duration SERVICE_READY = Duration.ofSeconds(180);

    private final ClusterLayout layout;
    private final List<BrokerProcess> brokers = new ArrayList<>();
    private final List<ServiceProcess> commandSides = new ArrayList<>();
    private final List<ServiceProcess> querySides = new ArrayList<>();

    public LocalCluster(ClusterLayout layout) {
        this.layout = layout;
        String clusterId = clusterId(layout.dataDirectory());
        for (int node = 1; node <= layout.brokerPorts().size(); node++) {
            brokers.add(new BrokerProcess(layout.root(), layout.dataDirectory().resolve("kafka-" + node), node,
                    layout.brokerPorts().get(node - 1), layout.controllerPorts(), clusterId, layout.logDirectory()));
        }
        Map<String, String> environment = serviceEnvironment();
        for (int i = 0; i < layout.commandPorts().size(); i++) {
            commandSides.add(service("command-side", i + 1, layout.commandPorts().get(i), environment));
        }
        for (int i = 0; i < layout.queryPorts().size(); i++) {
            querySides.add(service("query-side", i + 1, layout.queryPorts().get(i), environment));
        }
    }

    private ServiceProcess service(String module, int instance, int port, Map<String, String> environment) {
        return new ServiceProcess(module + "-" + instance, layout.root().resolve(module + "/target/quarkus-app/quarkus-run.jar"),
                port, environment, layout.serviceProperties(), layout.logDirectory());
    }

    private Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        environment.put("SUPPLYLINE_TOPIC_REPLICATION", "3");
        environment.put("SUPPLYLINE_TOPIC_MIN_ISR", "2");
        environment.put("SUPPLYLINE_COMMAND_DB_URL", layout.commandDatabaseUrl());
        environment.put("SUPPLYLINE_QUERY_DB_URL", layout.queryDatabaseUrl());
        environment.put("SUPPLYLINE_DB_USER", layout.databaseUser());
        environment.put("SUPPLYLINE_DB_PASSWORD", layout.databasePassword());
        // Two malloc arenas instead of one per thread: seven JVMs share this machine.
        environment.put("MALLOC_ARENA_MAX", "2");
        return environment;
    }

    /** The nodes of a cluster share an id; kept beside their data, so a restarted cluster keeps its logs. */
    private static String clusterId(Path dataDirectory) {
        Path file = dataDirectory.resolve("kafka-cluster-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(dataDirectory);
            // Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding.
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return brokers.stream().map(BrokerProcess::bootstrapServer).collect(Collectors.joining(","));
    }

    public List<BrokerProcess> brokers() {
        return brokers;
    }

    public List<ServiceProcess> commandSides() {
        return commandSides;
    }

    public List<ServiceProcess> querySides() {
        return querySides;
    }

    /** Brokers side by side (a node is ready only with a quorum), then the command sides, then the query sides. */
    public void start() {
        startTogether(brokers, BROKER_READY);
        startTogether(commandSides, SERVICE_READY);
        startTogether(querySides, SERVICE_READY);
    }

    /** Starts these processes at once and waits until every one is ready. */
    public static void startTogether(List<? extends ManagedProcess> processes, Duration timeout) {
        processes.forEach(ManagedProcess::launch);
        processes.forEach(process -> process.awaitReady(timeout));
    }

    /** Stops these processes at once (SIGTERM) and waits for all of them. */
    public static void stopTogether(List<? extends ManagedProcess> processes) {
        processes.parallelStream().forEach(ManagedProcess::stop);
    }

    /**
     * Query sides, then command sides (their relays flush to brokers still there), then the brokers
     * together: a node stopped after the others finds no quorum to approve its shutdown.
     */
    @Override
    public void close() {
        stopTogether(querySides);
        stopTogether(commandSides);
        stopTogether(brokers);
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path data = args.length > 1 ? Path.of(args[1]) : root.resolve(".supplyline-cluster");
        LocalCluster cluster = new LocalCluster(ClusterLayout.standard(root, data.toAbsolutePath(), System.getenv()));
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("[run-cluster] stopping");
            cluster.close();
            System.out.println("[run-cluster] stopped");
        }, "run-cluster-stop"));
        long begin = System.nanoTime();
        try {
            cluster.start();
        } catch (RuntimeException e) {
            System.err.println("[run-cluster] " + e.getMessage());
            System.exit(1);
        }
        System.out.printf("""
                [run-cluster] Supplyline cluster is up in %d s (data and logs in %s)
                  Kafka         %s   (3 KRaft nodes; supplychain.events replication 3, min ISR 2)
                  Command API   %s   (user operator/operator)
                  Query API     %s   (user analyst/analyst; dashboard at /)
                  Operations    %s  %s   (/q/health, /q/metrics)
                Stop with Ctrl-C (or SIGTERM to this process).
                """, Duration.ofNanos(System.nanoTime() - begin).toSeconds(), data, cluster.bootstrapServers(),
                urls(cluster.commandSides), urls(cluster.querySides), managementUrls(cluster.commandSides),
                managementUrls(cluster.querySides));
        // Stays up until a signal runs the shutdown hook, or until one of its processes dies on its own.
        while (Stream.concat(cluster.brokers.stream(), Stream.concat(cluster.commandSides.stream(), cluster.querySides.stream()))
                .allMatch(ManagedProcess::isAlive)) {
            ManagedProcess.sleep(1_000);
        }
        if (stopping.get()) {
            return;
        }
        System.err.println("[run-cluster] a process exited unexpectedly; stopping the rest");
        System.exit(1);
    }

    private static String urls(List<ServiceProcess> services) {
        return IntStream.range(0, services.size()).mapToObj(i -> services.get(i).url()).collect(Collectors.joining("  "));
    }

    private static String managementUrls(List<ServiceProcess> services) {
        return services.stream().map(ServiceProcess::managementUrl).collect(Collectors.joining("  "));
    }
}
