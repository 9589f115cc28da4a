package io.supplyline.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
