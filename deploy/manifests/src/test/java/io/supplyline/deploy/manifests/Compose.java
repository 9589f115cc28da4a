package io.supplyline.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** deploy/compose/compose.yaml, read the way the checks need it. */
final class Compose {

    static final Path FILE = Repo.COMPOSE.resolve("compose.yaml");

    /** Compose's interpolation: ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}, ${NAME:+alt}. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");

    private Compose() {
    }

    static JsonNode services() {
        return Repo.document(FILE).path("services");
    }

    /** The instances of a Supplyline service: the compose services named {@code <module>-<n>}. */
    static Map<String, JsonNode> instancesOf(String module) {
        Map<String, JsonNode> instances = new LinkedHashMap<>();
        services().fields().forEachRemaining(e -> {
            if (e.getKey().matches(Pattern.quote(module) + "-\\d+")) {
                instances.put(e.getKey(), e.getValue());
            }
        });
        return instances;
    }

    /** Every Supplyline service instance, by compose service name. */
    static Map<String, JsonNode> serviceInstances() {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        Repo.SERVICES.forEach(module -> all.putAll(instancesOf(module)));
        return all;
    }

    /** The Kafka brokers: services of the official image with a KRaft role (the ACL job runs that image too). */
    static Map<String, JsonNode> brokers() {
        Map<String, JsonNode> brokers = new LinkedHashMap<>();
        servicesRunning("apache/kafka").forEach((name, service) -> {
            if (environment(service).containsKey("KAFKA_PROCESS_ROLES")) {
                brokers.put(name, service);
            }
        });
        return brokers;
    }

    /** The compose secrets a service mounts, by the path it sees them at (targets default to /run/secrets/<name>). */
    static Map<String, String> secretMounts(JsonNode service) {
        Map<String, String> mounted = new LinkedHashMap<>();
        service.path("secrets").forEach(secret -> {
            String source = secret.isObject() ? secret.path("source").asText() : secret.asText();
            String target = secret.isObject() ? secret.path("target").asText(source) : source;
            mounted.put(target.startsWith("/") ? target : "/run/secrets/" + target, source);
        });
        return mounted;
    }

    /** The files and folders of this folder a service bind-mounts (short syntax {@code ./host:container[:ro]}), by container path. */
    static Map<String, Path> bindMounts(JsonNode service) {
        Map<String, Path> mounted = new LinkedHashMap<>();
        service.path("volumes").forEach(volume -> {
            String[] parts = volume.asText().split(":");
            if (parts.length >= 2 && parts[0].startsWith("./")) {
                mounted.put(parts[1], Repo.COMPOSE.resolve(parts[0]).normalize());
            }
        });
        return mounted;
    }

    /** The compose services running an image whose name (before the tag) is the given one. */
    static Map<String, JsonNode> servicesRunning(String imageName) {
        Map<String, JsonNode> matching = new LinkedHashMap<>();
        services().fields().forEachRemaining(e -> {
            if (e.getValue().path("image").asText().startsWith(imageName + ":")) {
                matching.put(e.getKey(), e.getValue());
            }
        });
        return matching;
    }

    /**
     * The variables a service sets, interpolated as compose would with an empty .env: defaults taken, and a
     * variable that must come from .env (no default) kept as {@code <NAME>}. A variable listed without a value
     * (taken from the shell) counts as not set.
     */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode declared = service.path("environment");
        if (declared.isObject()) {
            declared.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    environment.put(e.getKey(), interpolate(e.getValue().asText()));
                }
            });
        } else if (declared.isArray()) {
            declared.forEach(entry -> {
                String[] keyValue = entry.asText().split("=", 2);
                if (keyValue.length == 2) {
                    environment.put(keyValue[0], interpolate(keyValue[1]));
                }
            });
        }
        return environment;
    }

    static String interpolate(String value) {
        Matcher m = INTERPOLATION.matcher(value.replace("$$", "\u0000"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String operator = m.group(2) == null ? "" : m.group(2).replace(":", "");
            String replacement = switch (operator) {
                case "-" -> m.group(3);
                case "+" -> "";
                default -> "<" + m.group(1) + ">"; // from .env (compose fails on ${NAME:?...} when it is unset)
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace("\u0000", "$");
    }

    /** Every variable compose.yaml interpolates, i.e. what a .env file may set. */
    static Set<String> interpolatedVariables() {
        Set<String> names = new TreeSet<>();
        Matcher m = INTERPOLATION.matcher(Repo.read(FILE).replace("$$", ""));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The {@code host:container} port pairs a service publishes, short or long syntax. */
    static List<int[]> publishedPorts(JsonNode service) {
        List<int[]> ports = new ArrayList<>();
        service.path("ports").forEach(port -> {
            if (port.isObject()) {
                ports.add(new int[] {port.path("published").asInt(), port.path("target").asInt()});
            } else {
                String[] parts = port.asText().replaceAll("/\\w+$", "").split(":");
                ports.add(new int[] {
                        Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1])});
            }
        });
        return ports;
    }
}
