package io.supplyline.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/** Every document under deploy/k8s, with the look-ups the checks need. */
final class K8s {

    private K8s() {
    }

    static List<JsonNode> documents() {
        return Repo.yamlFiles(Repo.K8S).stream().flatMap(f -> Repo.documents(f).stream()).toList();
    }

    static List<JsonNode> ofKind(String kind) {
        return documents().stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    static Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(d -> name(d).equals(name)).findFirst();
    }

    static String name(JsonNode document) {
        return document.path("metadata").path("name").asText();
    }

    static List<JsonNode> containers(JsonNode deployment) {
        return list(deployment.path("spec").path("template").path("spec").path("containers"));
    }

    /** The container running a Supplyline service: the one named like its module. */
    static JsonNode serviceContainer(String module) {
        return ofKind("Deployment").stream()
                .flatMap(d -> containers(d).stream())
                .filter(c -> c.path("name").asText().equals(module))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment has a container named " + module));
    }

    /** The Deployment whose pods run the service's container. */
    static JsonNode deploymentOf(String module) {
        return ofKind("Deployment").stream()
                .filter(d -> containers(d).stream().anyMatch(c -> c.path("name").asText().equals(module)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment has a container named " + module));
    }

    /**
     * What the container's environment will hold: envFrom ConfigMaps/Secrets, then env (value or a key of a
     * ConfigMap/Secret), later ones winning as in Kubernetes. A reference to a ConfigMap, Secret or key the
     * manifests do not define fails the calling test.
     */
    static Map<String, String> environment(JsonNode container) {
        Map<String, String> environment = new LinkedHashMap<>();
        container.path("envFrom").forEach(source -> {
            String prefix = source.path("prefix").asText("");
            JsonNode ref = source.has("configMapRef") ? source.get("configMapRef") : source.get("secretRef");
            String kind = source.has("configMapRef") ? "ConfigMap" : "Secret";
            data(kind, ref.path("name").asText()).forEach((key, value) -> environment.put(prefix + key, value));
        });
        container.path("env").forEach(variable -> {
            String name = variable.path("name").asText();
            JsonNode from = variable.path("valueFrom");
            if (from.has("configMapKeyRef") || from.has("secretKeyRef")) {
                String kind = from.has("configMapKeyRef") ? "ConfigMap" : "Secret";
                JsonNode ref = from.has("configMapKeyRef") ? from.get("configMapKeyRef") : from.get("secretKeyRef");
                Map<String, String> data = data(kind, ref.path("name").asText());
                String key = ref.path("key").asText();
                if (!data.containsKey(key)) {
                    throw new AssertionError(kind + " " + ref.path("name").asText() + " has no key " + key + " (for " + name + ")");
                }
                environment.put(name, data.get(key));
            } else if (variable.has("value")) {
                environment.put(name, variable.get("value").asText());
            } else {
                throw new AssertionError(name + " has neither a value nor a valueFrom this check understands");
            }
        });
        return environment;
    }

    /** Where each variable of the container's environment comes from: "ConfigMap", "Secret" or "value". */
    static Map<String, String> environmentSources(JsonNode container) {
        Map<String, String> sources = new LinkedHashMap<>();
        container.path("envFrom").forEach(source -> {
            String kind = source.has("configMapRef") ? "ConfigMap" : "Secret";
            JsonNode ref = source.has("configMapRef") ? source.get("configMapRef") : source.get("secretRef");
            data(kind, ref.path("name").asText()).keySet()
                    .forEach(key -> sources.put(source.path("prefix").asText("") + key, kind));
        });
        container.path("env").forEach(variable -> {
            JsonNode from = variable.path("valueFrom");
            sources.put(variable.path("name").asText(), from.has("secretKeyRef") ? "Secret"
                    : from.has("configMapKeyRef") ? "ConfigMap" : "value");
        });
        return sources;
    }

    /** A file a container sees from a ConfigMap or Secret volume: which one, and which of its keys. */
    record MountedFile(String kind, String name, String key) {
    }

    /** The files the service container sees from ConfigMap and Secret volumes, by path (whole volume, items, subPath). */
    static Map<String, MountedFile> mountedFiles(String module) {
        Map<String, Map<String, MountedFile>> volumes = new HashMap<>(); // volume -> (file name in it -> source)
        deploymentOf(module).path("spec").path("template").path("spec").path("volumes").forEach(volume -> {
            String kind = volume.has("secret") ? "Secret" : volume.has("configMap") ? "ConfigMap" : null;
            if (kind == null) {
                return;
            }
            JsonNode source = volume.path(kind.equals("Secret") ? "secret" : "configMap");
            String name = source.path(kind.equals("Secret") ? "secretName" : "name").asText();
            Map<String, MountedFile> files = new HashMap<>();
            if (source.has("items")) {
                source.path("items").forEach(item ->
                        files.put(item.path("path").asText(), new MountedFile(kind, name, item.path("key").asText())));
            } else {
                keys(kind, name).forEach(key -> files.put(key, new MountedFile(kind, name, key)));
            }
            volumes.put(volume.path("name").asText(), files);
        });
        Map<String, MountedFile> paths = new HashMap<>();
        serviceContainer(module).path("volumeMounts").forEach(mount -> {
            Map<String, MountedFile> files = volumes.getOrDefault(mount.path("name").asText(), Map.of());
            String mountPath = mount.path("mountPath").asText();
            if (mount.has("subPath")) {
                Optional.ofNullable(files.get(mount.path("subPath").asText())).ifPresent(file -> paths.put(mountPath, file));
            } else {
                files.forEach((file, source) -> paths.put(mountPath.replaceAll("/$", "") + "/" + file, source));
            }
        });
        return paths;
    }

    /**
     * Secrets that Strimzi's operators make, by name, with their keys: each KafkaUser's login (its name) and each
     * Kafka cluster's CA certificate ({@code <cluster>-cluster-ca-cert}). The manifests only name them.
     */
    static Map<String, Set<String>> strimziSecrets() {
        Map<String, Set<String>> secrets = new HashMap<>();
        ofKind("KafkaUser").forEach(user -> secrets.put(name(user),
                switch (user.path("spec").path("authentication").path("type").asText()) {
                    case "scram-sha-512" -> Set.of("password", "sasl.jaas.config");
                    case "tls" -> Set.of("ca.crt", "user.crt", "user.key", "user.p12", "user.password");
                    default -> Set.of();
                }));
        ofKind("Kafka").forEach(kafka -> secrets.put(name(kafka) + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password")));
        return secrets;
    }

    /** The keys of a ConfigMap or Secret of the manifests, or of a Secret Strimzi makes. */
    static Set<String> keys(String kind, String name) {
        Set<String> made = kind.equals("Secret") ? strimziSecrets().get(name) : null;
        return made != null ? made : data(kind, name).keySet();
    }

    /** The keys and values of a ConfigMap or Secret in the manifests (Secret data base64-decoded). */
    static Map<String, String> data(String kind, String name) {
        JsonNode document = find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in deploy/k8s"));
        Map<String, String> data = new LinkedHashMap<>();
        document.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), kind.equals("Secret")
                ? new String(Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8)
                : e.getValue().asText()));
        document.path("stringData").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        return data;
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** The container's port a probe or Service names, by port name or number; empty when there is none. */
    static Optional<Integer> containerPort(JsonNode container, JsonNode portRef) {
        return list(container.path("ports")).stream()
                .filter(p -> portRef.isInt() ? p.path("containerPort").asInt() == portRef.asInt()
                        : p.path("name").asText().equals(portRef.asText()))
                .map(p -> p.path("containerPort").asInt())
                .findFirst();
    }
}
