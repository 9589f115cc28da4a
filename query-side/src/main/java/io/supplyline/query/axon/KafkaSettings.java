package io.supplyline.query.axon;

import java.util.HashMap;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    /** Client settings passed through untouched (security protocol, SASL, TLS...). */
    Map<String, String> client();

    default Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>(client());
        properties.put("bootstrap.servers", bootstrapServers());
        return properties;
    }
}
