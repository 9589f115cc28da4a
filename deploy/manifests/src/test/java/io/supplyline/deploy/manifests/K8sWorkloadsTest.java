package io.supplyline.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Deployments and Services: replicas, probes, resources, selectors, ports and Prometheus annotations. Health and
 * metrics are on each service's management port, which no Service exposes.
 */
class K8sWorkloadsTest {

    @Test
    void thereIsADeploymentAndAServiceForEachSupplylineService() {
        assertThat(K8s.ofKind("Deployment")).hasSize(Repo.SERVICES.size());
        assertThat(K8s.ofKind("Service")).hasSize(Repo.SERVICES.size());
    }

    @Test
    void everyDeploymentRunsAtLeastTwoReplicasAndSelectsItsOwnPods() {
        K8s.ofKind("Deployment").forEach(deployment -> {
            JsonNode spec = deployment.path("spec");
            assertThat(spec.path("replicas").asInt()).as(K8s.name(deployment) + " replicas").isGreaterThanOrEqualTo(2);
            assertThat(labels(spec.path("template").path("metadata").path("labels")))
                    .as(K8s.name(deployment) + " pod labels")
                    .containsAllEntriesOf(labels(spec.path("selector").path("matchLabels")))
                    .isNotEmpty();
        });
    }

    @Test
    void everyServiceContainerProbesStartupLivenessAndReadinessOnItsManagementPort() {
        for (String module : Repo.SERVICES) {
            JsonNode container = K8s.serviceContainer(module);
            int management = ServiceConfig.of(module).managementPort(K8s.environment(container));
            Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready")
                    .forEach((probe, path) -> {
                        JsonNode get = container.path(probe).path("httpGet");
                        assertThat(get.path("path").asText()).as(module + " " + probe).isEqualTo(path);
                        assertThat(K8s.containerPort(container, get.path("port"))).as(module + " " + probe + " port")
                                .contains(management);
                    });
        }
    }

    @Test
    void everyContainerRequestsAtLeast384MiAndCpuAndIsLimitedAboveItsRequest() {
        K8s.ofKind("Deployment").forEach(deployment -> K8s.containers(deployment).forEach(container -> {
            String name = K8s.name(deployment) + "/" + container.path("name").asText();
            JsonNode resources = container.path("resources");
            long requested = Quantities.kubernetesBytes(resources.path("requests").path("memory").asText("0"));
            long limit = Quantities.kubernetesBytes(resources.path("limits").path("memory").asText("0"));
            assertThat(requested).as(name + " memory request").isGreaterThanOrEqualTo(384L << 20);
            assertThat(limit).as(name + " memory limit").isGreaterThanOrEqualTo(requested);
            assertThat(resources.path("requests").path("cpu").asText()).as(name + " cpu request").isNotBlank();
            assertThat(resources.path("limits").path("cpu").asText()).as(name + " cpu limit").isNotBlank();
        }));
    }

    @Test
    void everyServiceContainerDeclaresItsApiAndManagementPorts() {
        for (String module : Repo.SERVICES) {
            JsonNode container = K8s.serviceContainer(module);
            ServiceConfig config = ServiceConfig.of(module);
            for (int port : new int[] {config.httpPort(K8s.environment(container)), config.managementPort(K8s.environment(container))}) {
                assertThat(K8s.containerPort(container, new IntNode(port)))
                        .as(module + " declares containerPort " + port).isPresent();
            }
        }
    }

    @Test
    void noServiceExposesAManagementPort() {
        for (String module : Repo.SERVICES) {
            JsonNode container = K8s.serviceContainer(module);
            int management = ServiceConfig.of(module).managementPort(K8s.environment(container));
            Map<String, String> podLabels = labels(K8s.deploymentOf(module).path("spec").path("template").path("metadata").path("labels"));
            K8s.ofKind("Service").stream()
                    .filter(service -> podLabels.entrySet().containsAll(labels(service.path("spec").path("selector")).entrySet()))
                    .forEach(service -> service.path("spec").path("ports").forEach(port -> {
                        JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.get("port");
                        assertThat(K8s.containerPort(container, target)).as("Service " + K8s.name(service) + " port " + target)
                                .isNotEqualTo(Optional.of(management));
                    }));
        }
    }

    @Test
    void everyServiceSelectsTheDeploymentItFrontsAndTargetsOneOfItsContainerPorts() {
        K8s.ofKind("Service").forEach(service -> {
            Map<String, String> selector = labels(service.path("spec").path("selector"));
            assertThat(selector).as(K8s.name(service) + " selector").isNotEmpty();
            Optional<JsonNode> selected = K8s.ofKind("Deployment").stream()
                    .filter(d -> labels(d.path("spec").path("template").path("metadata").path("labels"))
                            .entrySet().containsAll(selector.entrySet()))
                    .findFirst();
            assertThat(selected).as(K8s.name(service) + " selects a Deployment's pods").isPresent();
            service.path("spec").path("ports").forEach(port -> {
                JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.get("port");
                assertThat(K8s.containers(selected.get()).stream().map(c -> K8s.containerPort(c, target)))
                        .as(K8s.name(service) + " targetPort " + target).anyMatch(Optional::isPresent);
            });
        });
    }

    @Test
    void prometheusIsToldToScrapeEveryServicePodAtQMetricsOnItsManagementPort() {
        for (String module : Repo.SERVICES) {
            JsonNode annotations = K8s.deploymentOf(module).path("spec").path("template").path("metadata").path("annotations");
            int port = ServiceConfig.of(module).managementPort(K8s.environment(K8s.serviceContainer(module)));
            assertThat(labels(annotations)).as(module + " pod annotations")
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/q/metrics")
                    .containsEntry("prometheus.io/port", String.valueOf(port));
        }
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new TreeMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
