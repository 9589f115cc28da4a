package io.supplyline.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every compose service instance is given what its service needs, and nothing it does not read. */
class ComposeEnvironmentTest {

    @Test
    void everyServiceInstanceSetsEveryVariableItsServiceRequiresInProduction() {
        List<String> problems = new ArrayList<>();
        for (String module : Repo.SERVICES) {
            Set<String> required = ServiceConfig.of(module).variablesProductionMustSet();
            Compose.instancesOf(module).forEach((name, service) -> {
                Map<String, String> environment = Compose.environment(service);
                required.stream()
                        .filter(variable -> environment.getOrDefault(variable, "").isBlank())
                        .forEach(variable -> problems.add(name + " does not set " + variable));
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyVariableAServiceInstanceSetsIsOneItsServiceReads() {
        List<String> problems = new ArrayList<>();
        for (String module : Repo.SERVICES) {
            ServiceConfig config = ServiceConfig.of(module);
            Compose.instancesOf(module).forEach((name, service) -> Compose.environment(service).keySet().stream()
                    .filter(variable -> !config.accepts(variable))
                    .forEach(variable -> problems.add(name + " sets " + variable + ", which " + module + " does not read")));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theJwtPublicKeyLocationIsAComposeSecretMountedIntoTheInstance() {
        JsonNode declaredSecrets = Repo.document(Compose.FILE).path("secrets");
        List<String> problems = new ArrayList<>();
        Compose.serviceInstances().forEach((name, service) -> {
            String location = Compose.environment(service).get("SUPPLYLINE_JWT_PUBLIC_KEY_LOCATION");
            Map<String, String> mounted = Compose.secretMounts(service);
            if (!mounted.containsKey(location)) {
                problems.add(name + ": the JWT key location " + location + " is not one of its secrets " + mounted.keySet());
            } else if (!declaredSecrets.has(mounted.get(location))) {
                problems.add(name + ": secret " + mounted.get(location) + " is not declared at the top level");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void theDatabasePasswordAndTheJwtAudienceComeFromEnvWithNoDefault() {
        // Compose refuses to start when a ${NAME:?...} variable is unset; Compose.environment shows such a value as <NAME>.
        Compose.serviceInstances().forEach((name, service) -> assertThat(Compose.environment(service)).as(name)
                .containsEntry("SUPPLYLINE_DB_PASSWORD", "<SUPPLYLINE_DB_PASSWORD>")
                .containsEntry("SUPPLYLINE_JWT_AUDIENCE", "<SUPPLYLINE_JWT_AUDIENCE>"));
    }

    @Test
    void envExampleDocumentsEveryVariableComposeInterpolatesAndNoOther() {
        assertThat(envExample().keySet()).isEqualTo(Compose.interpolatedVariables());
    }

    @Test
    void envExampleHoldsAPlaceholderPasswordNotARealOne() {
        assertThat(envExample().get("SUPPLYLINE_DB_PASSWORD")).contains("CHANGE-ME");
    }

    private static Map<String, String> envExample() {
        Map<String, String> variables = new TreeMap<>();
        for (String line : Repo.read(Repo.COMPOSE.resolve(".env.example")).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                variables.put(line.substring(0, line.indexOf('=')).trim(), line.substring(line.indexOf('=') + 1).trim());
            }
        }
        return variables;
    }
}
