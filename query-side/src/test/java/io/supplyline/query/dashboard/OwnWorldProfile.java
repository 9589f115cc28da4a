package io.supplyline.query.dashboard;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.supplyline.deploy.kafka.BrokerUnderTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

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
    public static class OwnBroker extends KafkaBrokerTestResource {

        /** Where the world is published. */
        static final BrokerUnderTest WORLD = new BrokerUnderTest("supplyline-kafka-dashboard");

        public OwnBroker() {
            super(WORLD);
        }

        @Override
        public int order() {
            return 100;
        }
    }
}
