package io.supplyline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.supplyline.deploy.cluster.ServiceProcess;
import io.supplyline.deploy.kafka.FreePorts;
import io.supplyline.deploy.kafka.KafkaBroker;
import io.supplyline.deploy.kafka.DataDirectory;

/**
 * The whole system on this machine: a real Kafka broker (in the test JVM), the packaged command
 * and query services as their own processes, and PostgreSQL (made available by deploy/postgres.sh).
 */
final class SupplylineSystem implements AutoCloseable {

    private static final String DB = "jdbc:postgresql://127.0.0.1:5432/";
    /** A fresh broker needs fresh databases: the query side's Kafka offsets would not match it. */
    private static final String CLEAN_DATABASE = "quarkus.flyway.clean-at-start=true";
    static final int RELAY_DELIVERY_TIMEOUT_SECONDS = 2;
    static final Path LOGS = Path.of(System.getProperty("supplyline.logs", "target/system-test-logs"));

    private final Path root;
    private final Map<String, String> common;
    private final List<String> commandProperties;
    private final Path dataDir;
    private final int kafkaPort;
    private final int controllerPort;
    private KafkaBroker broker;
    final ServiceProcess commandSide;
    final ServiceProcess querySide;

    SupplylineSystem() {
        try {
            dataDir = Files.createTempDirectory("supplyline-system-kafka");
            kafkaPort = FreePorts.next();
            controllerPort = FreePorts.next();
            root = Path.of(System.getProperty("supplyline.root", "../..")).toAbsolutePath().normalize();
            common = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", "localhost:" + kafkaPort,
                    "SUPPLYLINE_DB_USER", System.getenv().getOrDefault("SUPPLYLINE_DB_USER", "supplyline"),
                    "SUPPLYLINE_DB_PASSWORD", System.getenv().getOrDefault("SUPPLYLINE_DB_PASSWORD", "supplyline"),
                    "SUPPLYLINE_COMMAND_DB_URL", DB + "supplyline_system_test_command",
                    "SUPPLYLINE_QUERY_DB_URL", DB + "supplyline_system_test_query");
            // The local profile: Basic users and local defaults, on PostgreSQL because the variables say so.
            List<String> local = List.of("quarkus.profile=local", "quarkus.flyway.clean-disabled=false");
            // A short relay delivery timeout lets an outage test outlast it in seconds.
            List<String> relay = List.of("supplyline.kafka.relay-delivery-timeout=" + RELAY_DELIVERY_TIMEOUT_SECONDS + "s");
            commandProperties = concat(local, relay);
            commandSide = commandSide("command-side");
            querySide = new ServiceProcess("query-side", root.resolve("query-side/target/quarkus-app/quarkus-run.jar"),
                    FreePorts.next(), common, local, LOGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another command-side instance on its own port, sharing the event store and the broker with the first. */
    ServiceProcess commandSide(String name) throws IOException {
        return new ServiceProcess(name, root.resolve("command-side/target/quarkus-app/quarkus-run.jar"), FreePorts.next(), common,
                commandProperties, LOGS);
    }

    void start() {
        startCommandSide();
        querySide.start(CLEAN_DATABASE);
    }

    /** The broker and the command side only, for tests of the event store alone. */
    void startCommandSide() {
        startBroker();
        commandSide.start(CLEAN_DATABASE);
    }

    /** A connection to the command side's database, to read the event store directly. */
    Connection commandDatabase() throws SQLException {
        return DriverManager.getConnection(DB + "supplyline_system_test_command", common.get("SUPPLYLINE_DB_USER"),
                common.get("SUPPLYLINE_DB_PASSWORD"));
    }

    /** A connection to the query side's database, to compare its read models with the event store. */
    Connection queryDatabase() throws SQLException {
        return DriverManager.getConnection(DB + "supplyline_system_test_query", common.get("SUPPLYLINE_DB_USER"),
                common.get("SUPPLYLINE_DB_PASSWORD"));
    }

    String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    void startBroker() {
        broker = KafkaBroker.start(dataDir, kafkaPort, controllerPort);
    }

    void stopBroker() {
        broker.stop();
    }

    @Override
    public void close() {
        querySide.stop();
        commandSide.stop();
        if (broker != null) {
            broker.stop();
        }
        DataDirectory.delete(dataDir);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

}
