package io.supplyline.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
            String location = K8s.environment(K8s.serviceContainer(module)).get("SUPPLYLINE_JWT_PUBLIC_KEY_LOCATION");
            assertThat(K8s.mountedFiles(module).get(location)).as(module + ": the file at " + location)
                    .isNotNull().extracting(K8s.MountedFile::kind).isEqualTo("Secret");
        }
    }

    @Test
    void theDatabasePasswordComesFromASecret() {
        for (String module : Repo.SERVICES) {
            assertThat(K8s.environmentSources(K8s.serviceContainer(module))).as(module)
                    .containsEntry("SUPPLYLINE_DB_PASSWORD", "Secret");
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
}
