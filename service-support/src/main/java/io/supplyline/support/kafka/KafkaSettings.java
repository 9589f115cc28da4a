package io.supplyline.support.kafka;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the event topic lives, how it is created and how every Kafka client of a service connects;
 * see each service's application.properties.
 */
@ConfigMapping(prefix = "supplyline.kafka")
public interface KafkaSettings {

    String bootstrapServers();

    @WithDefault("6")
    int partitions();

    @WithDefault("1")
    short replicationFactor();

    @WithDefault("1")
    int minInsyncReplicas();

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
