package io.supplyline.query.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.supplyline.deploy.kafka.DataDirectory;
import io.supplyline.deploy.kafka.FreePorts;
import io.supplyline.deploy.kafka.KafkaBroker;

/**
 * The dashboard's world and nothing else: a broker and a read-model database of its own, because the views
 * show everything the query side holds (totals, pages, sort orders), and the other test classes leave their
 * events on the shared topic. The database is one {@code deploy/postgres.sh} makes; Flyway empties it at start.
 */
public class OwnWorldProfile implements QuarkusTestProfile {

    private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/supplyline_query_dashboard_test";

    @Override
    public Map<String, String> getConfigOverrides() {
        // Both spellings: the test profile's own URL would otherwise win over a plain key.
        return Map.of("quarkus.datasource.jdbc.url", DATABASE, "%test.quarkus.datasource.jdbc.url", DATABASE);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OwnBroker.class));
    }

    /** A broker of the world's own; started after the shared one, so its address is the one the service reads. */
    public static class OwnBroker implements QuarkusTestResourceLifecycleManager {

        private static KafkaBroker broker;
        private static Path dataDir;

        /** Where the world is published. */
        static synchronized String bootstrapServers() {
            if (broker == null) {
                throw new IllegalStateException("The dashboard's broker runs only under " + OwnWorldProfile.class.getSimpleName());
            }
            return broker.bootstrapServers();
        }

        @Override
        public synchronized Map<String, String> start() {
            try {
                dataDir = Files.createTempDirectory("supplyline-kafka-dashboard");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            broker = KafkaBroker.start(dataDir, FreePorts.next(), FreePorts.next());
            return Map.of("supplyline.kafka.bootstrap-servers", broker.bootstrapServers());
        }

        @Override
        public synchronized void stop() {
            if (broker != null) {
                broker.stop();
                broker = null;
            }
            DataDirectory.delete(dataDir);
        }

        @Override
        public int order() {
            return 100;
        }
    }
}
