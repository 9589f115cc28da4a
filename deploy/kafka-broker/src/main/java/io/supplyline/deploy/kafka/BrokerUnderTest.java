package io.supplyline.deploy.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One broker a test suite owns: a fresh data directory and free ports chosen once, so that stopping and
 * starting it again (a broker outage) keeps its address and its data.
 */
public final class BrokerUnderTest {

    private final String dataDirPrefix;
    private Path dataDir;
    private int port;
    private int controllerPort;
    private KafkaBroker broker;

    public BrokerUnderTest(String dataDirPrefix) {
        this.dataDirPrefix = dataDirPrefix;
    }

    /** Chooses the directory and ports, then starts the broker. */
    public synchronized void create() {
        try {
            dataDir = Files.createTempDirectory(dataDirPrefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = FreePorts.next();
        controllerPort = FreePorts.next();
        start();
    }

    /** Stops the broker and deletes its data. */
    public synchronized void destroy() {
        stop();
        DataDirectory.delete(dataDir);
        port = 0;
    }

    public synchronized void start() {
        if (broker == null) {
            broker = KafkaBroker.start(dataDir, port, controllerPort);
        }
    }

    public synchronized void stop() {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    public synchronized String bootstrapServers() {
        if (port == 0) {
            throw new IllegalStateException("The broker in " + dataDirPrefix + "* has not been created");
        }
        return "localhost:" + port;
    }
}
