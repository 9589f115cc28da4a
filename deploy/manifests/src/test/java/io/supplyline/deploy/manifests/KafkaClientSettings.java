package io.supplyline.deploy.manifests;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kafka client properties file as the services read it (KAFKA_CLIENT_PROPERTIES). A secret in it is a
 * {@code ${provider:directory:file}} variable that Kafka's DirectoryConfigProvider resolves from a mounted file.
 */
record KafkaClientSettings(Map<String, String> properties) {

    static final String DIRECTORY_PROVIDER = "org.apache.kafka.common.config.provider.DirectoryConfigProvider";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}:]+):([^}:]*):([^}:]+)}");

    static KafkaClientSettings parse(String text) {
        Properties file = new Properties();
        try {
            file.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new TreeMap<>();
        file.forEach((key, value) -> properties.put(key.toString(), value.toString()));
        return new KafkaClientSettings(properties);
    }

    String get(String key) {
        return properties.getOrDefault(key, "");
    }

    /** The files a setting's variables read; a variable of a provider that is not a DirectoryConfigProvider fails. */
    List<String> filesReadBy(String key) {
        List<String> files = new ArrayList<>();
        Matcher variable = VARIABLE.matcher(get(key));
        while (variable.find()) {
            String provider = variable.group(1);
            if (!List.of(get("config.providers").split(",")).contains(provider)
                    || !get("config.providers." + provider + ".class").equals(DIRECTORY_PROVIDER)) {
                throw new AssertionError(key + " names provider " + provider + ", which is not a declared " + DIRECTORY_PROVIDER);
            }
            files.add(variable.group(2).replaceAll("/$", "") + "/" + variable.group(3));
        }
        return files;
    }
}
