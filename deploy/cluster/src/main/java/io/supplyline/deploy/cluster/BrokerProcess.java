package io.supplyline.deploy.cluster;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One node of the local Kafka cluster as its own JVM (the kafka-broker module's launcher), on its
 * own data directory, so a restart keeps its log; ready when it says so in its log.
 */
public final class BrokerProcess extends ManagedProcess {

    private final Path root;
    private final Path dataDirectory;
    private final int nodeId;
    private final int port;
    private final List<Integer> controllerPorts;
    private final String clusterId;

    public BrokerProcess(Path root, Path dataDirectory, int nodeId, int port, List<Integer> controllerPorts,
                         String clusterId, Path logDirectory) {
        super("kafka-" + nodeId, logDirectory);
        this.root = root;
        this.dataDirectory = dataDirectory;
        this.nodeId = nodeId;
        this.port = port;
        this.controllerPorts = controllerPorts;
        this.clusterId = clusterId;
    }

    public String bootstrapServer() {
        return "localhost:" + port;
    }

    @Override
    protected List<String> command() {
        Path launcher = root.resolve("deploy/kafka-broker/target");
        return List.of(java(), "-Xmx384m", "-cp", launcher.resolve("kafka-broker.jar") + ":" + launcher.resolve("lib") + "/*",
                "io.supplyline.deploy.kafka.KafkaBroker", "--data-dir", dataDirectory.toString(),
                "--node-id", String.valueOf(nodeId), "--port", String.valueOf(port),
                "--controller-ports", controllerPorts.stream().map(String::valueOf).collect(Collectors.joining(",")),
                "--cluster-id", clusterId);
    }

    /**
     * The last node of a cluster stopping as a whole finds no quorum to approve its controlled
     * shutdown and would wait five minutes; its log is recovered at the next start.
     */
    @Override
    protected Duration stopGrace() {
        return Duration.ofSeconds(10);
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of();
    }

    @Override
    protected boolean ready(long logOffsetAtStart) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(logFile().toFile(), "r")) {
            log.seek(logOffsetAtStart);
            byte[] since = new byte[(int) Math.max(0, log.length() - logOffsetAtStart)];
            log.readFully(since);
            return new String(since, StandardCharsets.UTF_8).contains("Kafka broker ready");
        }
    }
}
