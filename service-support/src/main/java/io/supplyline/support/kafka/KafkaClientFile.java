package io.supplyline.support.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Kafka client settings from a properties file, as Kafka's own tools take them
 * ({@code --command-config}): security protocol, SASL and TLS settings for a secured cluster, in
 * production usually a mounted secret. Every Kafka client of a service gets them.
 */
public final class KafkaClientFile {

    private KafkaClientFile() {
    }

    public static Map<String, Object> read(Optional<String> location) {
        Map<String, Object> settings = new HashMap<>();
        if (location.isEmpty()) {
            return settings;
        }
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(location.get()))) {
            file.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Kafka client settings in " + location.get(), e);
        }
        file.forEach((key, value) -> settings.put(key.toString(), value.toString()));
        return settings;
    }
}
