package io.supplyline.deploy.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real broker in the test JVM, on free ports and a fresh data directory, and points the
 * service at it. Tests may stop and restart it (same ports, same data) to play a broker outage.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private static Path dataDir;
    private static int port;
    private static int controllerPort;
    private static KafkaBroker broker;

    @Override
    public synchronized Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("supplyline-kafka-test");
            port = FreePorts.next();
            controllerPort = FreePorts.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startBroker();
        return Map.of("supplyline.kafka.bootstrap-servers", bootstrapServers());
    }

    @Override
    public synchronized void stop() {
        stopBroker();
        DataDirectory.delete(dataDir);
    }

    public static synchronized String bootstrapServers() {
        return "localhost:" + port;
    }

    public static synchronized void stopBroker() {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    public static synchronized void startBroker() {
        if (broker == null) {
            broker = KafkaBroker.start(dataDir, port, controllerPort);
        }
    }
}
