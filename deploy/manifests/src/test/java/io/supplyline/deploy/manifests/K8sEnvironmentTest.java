package io.supplyline.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every service container is given what its service needs, through values, ConfigMaps and Secrets that exist in
 * deploy/k8s (a missing ConfigMap, Secret or key fails here), and nothing its service does not read.
 */
class K8sEnvironmentTest {

    @Test
    void everyServiceContainerIsGivenEveryVariableItsServiceRequiresInProduction() {
        List<String> problems = new ArrayList<>();
        for (String module : Repo.SERVICES) {
            Map<String, String> environment = K8s.environment(K8s.serviceContainer(module));
            ServiceConfig.of(module).variablesProductionMustSet().stream()
                    .filter(variable -> environment.getOrDefault(variable, "").isBlank())
                    .forEach(variable -> problems.add(module + " is not given " + variable));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyVariableAServiceContainerIsGivenIsOneItsServiceReads() {
        List<String> problems = new ArrayList<>();
        for (String module : Repo.SERVICES) {
            ServiceConfig config = ServiceConfig.of(module);
            K8s.environment(K8s.serviceContainer(module)).keySet().stream()
                    .filter(variable -> !config.accepts(variable))
                    .forEach(variable -> problems.add(module + " is given " + variable + ", which it does not read"));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theJwtPublicKeyLocationIsAFileOfAMountedSecret() {
        for (String module : Repo.SERVICES) {
            JsonNode container = K8s.serviceContainer(module);
            String location = K8s.environment(container).get("SUPPLYLINE_JWT_PUBLIC_KEY_LOCATION");
            assertThat(mountedSecretFiles(module, container)).as(module + " files from Secrets").contains(location);
        }
    }

    @Test
    void theSecretsHoldOnlyPlaceholders() {
        Set<String> notSecret = Set.of("username");
        K8s.ofKind("Secret").forEach(secret -> K8s.data("Secret", K8s.name(secret)).forEach((key, value) -> {
            if (!notSecret.contains(key)) {
                assertThat(value).as("Secret " + K8s.name(secret) + " key " + key).contains("CHANGE-ME");
            }
        }));
    }

    /** The paths of the files the container sees from Secret volumes (whole Secret, items, or subPath mounts). */
    private static Set<String> mountedSecretFiles(String module, JsonNode container) {
        Map<String, Map<String, String>> volumes = new HashMap<>(); // volume -> (key -> file name)
        K8s.deploymentOf(module).path("spec").path("template").path("spec").path("volumes").forEach(volume -> {
            if (volume.has("secret")) {
                Map<String, String> files = new HashMap<>();
                JsonNode items = volume.path("secret").path("items");
                K8s.data("Secret", volume.path("secret").path("secretName").asText()).keySet().forEach(key -> {
                    if (items.isMissingNode()) {
                        files.put(key, key);
                    }
                });
                items.forEach(item -> files.put(item.path("key").asText(), item.path("path").asText()));
                volumes.put(volume.path("name").asText(), files);
            }
        });
        Set<String> paths = new HashSet<>();
        container.path("volumeMounts").forEach(mount -> {
            Map<String, String> files = volumes.getOrDefault(mount.path("name").asText(), Map.of());
            String mountPath = mount.path("mountPath").asText();
            if (mount.has("subPath")) {
                if (files.containsValue(mount.path("subPath").asText())) {
                    paths.add(mountPath);
                }
            } else {
                files.values().forEach(file -> paths.add(mountPath.replaceAll("/$", "") + "/" + file));
            }
        });
        return paths;
    }
}
