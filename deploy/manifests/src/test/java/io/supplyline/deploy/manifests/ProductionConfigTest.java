package io.supplyline.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the services' production profile demands and what it serves where, read from their live
 * application.properties: the manifests tests then hold every manifest to it.
 */
class ProductionConfigTest {

    @Test
    void productionRequiresTheJwtKeyAndAudienceAndTheDatabasePassword() {
        for (String module : Repo.SERVICES) {
            assertThat(ServiceConfig.of(module).requiredVariables()).as(module)
                    .contains("SUPPLYLINE_JWT_PUBLIC_KEY_LOCATION", "SUPPLYLINE_JWT_AUDIENCE", "SUPPLYLINE_DB_PASSWORD");
        }
    }

    @Test
    void healthAndMetricsHaveAManagementPortOfTheirOwnThatDiffersBetweenTheServices() {
        List<Integer> ports = new ArrayList<>();
        for (String module : Repo.SERVICES) {
            ServiceConfig config = ServiceConfig.of(module);
            assertThat(config.managementEnabled()).as(module + " quarkus.management.enabled").isTrue();
            // Several @QuarkusTests may run at once: each picks a free management port, as it does a free HTTP port.
            assertThat(config.production()).as(module).containsEntry("quarkus.management.test-port", "0");
            ports.add(config.httpPort(Map.of()));
            ports.add(config.managementPort(Map.of()));
        }
        // Both services run side by side on one machine locally.
        assertThat(ports).as("default API and management ports").doesNotHaveDuplicates();
    }

    @Test
    void productionServesNeitherOpenApiNorSwaggerUi() {
        for (String module : Repo.SERVICES) {
            assertThat(ServiceConfig.of(module).production()).as(module)
                    .containsEntry("quarkus.smallrye-openapi.enabled", "false")
                    .containsEntry("quarkus.swagger-ui.enabled", "false");
        }
    }
}
