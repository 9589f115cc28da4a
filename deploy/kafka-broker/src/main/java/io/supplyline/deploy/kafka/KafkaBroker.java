package io.supplyline.deploy.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) started from the Maven
 * artifacts: a single node, or one node of a loopback cluster; in-process for tests, or as its own
 * JVM through {@link #main}.
 */
public final class KafkaBroker implements AutoCloseable {

    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int READY_TIMEOUT_MS = 30_000;

    private final KafkaRaftServer server;
    private final int port;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private KafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A single-node cluster: see {@link #start(Path, ClusterMember)}. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        return start(dataDir, ClusterMember.single(port, controllerPort));
    }

    /**
     * Formats dataDir on first use (keeps the cluster id there, so a restart on the same dir keeps
     * all data), starts a combined broker+controller KafkaRaftServer, and returns once a client can
     * talk to it (Admin describeCluster succeeds). In a cluster that takes a quorum of controllers,
     * so start the nodes of a new cluster side by side, not one after the other.
     */
    public static KafkaBroker start(Path dataDir, ClusterMember member) {
        Path logDir = dataDir.toAbsolutePath();
        KafkaConfig config = new KafkaConfig(settings(logDir, member), false);
        KraftStorage.formatIfNew(logDir, member);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        KafkaBroker broker = new KafkaBroker(server, member.port());
        try {
            server.startup();
            broker.awaitClientAccess();
            return broker;
        } catch (RuntimeException e) {
            // A half-started server still holds its ports and its lock on the data dir.
            try {
                broker.stop();
            } catch (RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static Map<String, String> settings(Path logDir, ClusterMember member) {
        int port = member.port();
        Map<String, String> s = new HashMap<>();
        s.put("process.roles", "broker,controller");
        s.put("node.id", String.valueOf(member.nodeId()));
        s.put("controller.quorum.voters", member.voters());
        s.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + member.controllerPort());
        s.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        // Kafka's default map has no entry for a listener called CONTROLLER.
        s.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        s.put("controller.listener.names", CONTROLLER_LISTENER);
        s.put("inter.broker.listener.name", "PLAINTEXT");
        s.put("log.dirs", logDir.toString());
        s.put("num.partitions", "6");
        // Services create their topics themselves, with the partitions they need.
        s.put("auto.create.topics.enable", "false");
        // Internal topics get as many copies as there are nodes, up to three (on one node: one, or
        // they are never created); with three, a write needs two in sync.
        String replicas = String.valueOf(member.replicationFactor());
        String minInsync = String.valueOf(member.minInsyncReplicas());
        s.put("default.replication.factor", replicas);
        s.put("min.insync.replicas", minInsync);
        s.put("offsets.topic.replication.factor", replicas);
        s.put("transaction.state.log.replication.factor", replicas);
        s.put("transaction.state.log.min.isr", minInsync);
        s.put("share.coordinator.state.topic.replication.factor", replicas);
        s.put("share.coordinator.state.topic.min.isr", minInsync);
        s.put("group.initial.rebalance.delay.ms", "0");
        // After a crash (kill -9) the controller refuses the restarted broker until the old
        // incarnation's session expires: 9 s by default, 3 s here.
        s.put("broker.session.timeout.ms", "3000");
        s.put("broker.heartbeat.interval.ms", "500");
        // The log cleaner allocates this buffer up front (128 MB by default); our compacted
        // internal topics are tiny.
        s.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return s;
    }

    private void awaitClientAccess() {
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, READY_TIMEOUT_MS);
        try (Admin admin = Admin.create(adminConfig)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(READY_TIMEOUT_MS))
                    .nodes().get(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " did not answer a client", e);
        }
    }

    /**
     * Own-process launcher: {@code --data-dir DIR --port 9092 --controller-port 9093} (these
     * defaults) for a single node; for a node of a cluster, {@code --node-id N --controller-ports
     * P1,P2,P3 --cluster-id ID} instead of {@code --controller-port}. Prints one ready line to
     * stdout, stops gracefully on SIGTERM/SIGINT via a shutdown hook, then exits.
     */
    public static void main(String[] args) {
        LauncherArgs launch = LauncherArgs.parse(args);
        long begin = System.nanoTime();
        KafkaBroker broker;
        try {
            broker = start(launch.dataDir(), launch.member());
        } catch (RuntimeException e) {
            // Threads a failed start leaves behind would otherwise keep the JVM alive.
            e.printStackTrace();
            System.exit(1);
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-broker-shutdown"));
        System.out.println("Kafka broker ready on " + broker.bootstrapServers() + " (KRaft node " + launch.member().nodeId()
                + " of " + launch.member().size() + ", data in " + launch.dataDir().toAbsolutePath()
                + ", started in " + millis + " ms)");
        // Kafka's own non-daemon threads keep the JVM alive until a signal runs the hook.
    }
}
