package io.supplyline.command.axon;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.supplyline.events.KafkaClientFile;

/** Where the event topic lives and how it is created; see application.properties. */
@ConfigMapping(prefix = "supplyline.kafka")
public interface KafkaSettings {

    String bootstrapServers();

    @WithDefault("6")
    int partitions();

    @WithDefault("1")
    short replicationFactor();

    @WithDefault("1")
    int minInsyncReplicas();

    /**
     * How long the relay waits for a batch's acknowledgements before it rolls the batch back and
     * retries it later (its token stays put meanwhile; the records stay queued in the producer).
     */
    @WithDefault("10s")
    Duration relayDeliveryTimeout();

    /**
     * How long the relay's producer waits to fill a batch per partition. The relay sends a whole
     * batch of events before awaiting their acks, so batches fill without waiting by default.
     */
    @WithDefault("0")
    int relayLingerMs();

    /** Client settings passed through untouched (security protocol, SASL, TLS...). */
    Map<String, String> client();

    /** A Kafka client properties file (security protocol, SASL, TLS) for every client of the service. */
    Optional<String> clientPropertiesFile();

    default Map<String, Object> clientProperties() {
        Map<String, Object> properties = KafkaClientFile.read(clientPropertiesFile());
        properties.putAll(client());
        properties.put("bootstrap.servers", bootstrapServers());
        return properties;
    }
}
