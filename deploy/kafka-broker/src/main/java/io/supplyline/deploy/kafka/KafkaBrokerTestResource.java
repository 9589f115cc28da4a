package io.supplyline.deploy.kafka;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real broker in the test JVM, on free ports and a fresh data directory, and points the
 * service at it. Tests may stop and restart the shared broker (same ports, same data) to play a broker
 * outage. A subclass may hand out a broker of its own instead of the shared one.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private static final BrokerUnderTest SHARED = new BrokerUnderTest("supplyline-kafka-test");

    private final BrokerUnderTest broker;

    public KafkaBrokerTestResource() {
        this(SHARED);
    }

    protected KafkaBrokerTestResource(BrokerUnderTest broker) {
        this.broker = broker;
    }

    @Override
    public Map<String, String> start() {
        broker.create();
        return Map.of("supplyline.kafka.bootstrap-servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        broker.destroy();
    }

    public static String bootstrapServers() {
        return SHARED.bootstrapServers();
    }

    public static void stopBroker() {
        SHARED.stop();
    }

    public static void startBroker() {
        SHARED.start();
    }
}
