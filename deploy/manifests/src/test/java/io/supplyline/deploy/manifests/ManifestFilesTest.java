package io.supplyline.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every manifest is YAML that parses, and every Kubernetes document says what it is. */
class ManifestFilesTest {

    @Test
    void everyYamlFileUnderComposeAndK8sParsesIntoAtLeastOneDocument() {
        List<Path> files = Stream.concat(Repo.yamlFiles(Repo.COMPOSE).stream(), Repo.yamlFiles(Repo.K8S).stream()).toList();
        assertThat(files).as("YAML files under deploy/compose and deploy/k8s").hasSizeGreaterThan(5);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                if (Repo.documents(file).isEmpty()) {
                    problems.add(Repo.ROOT.relativize(file) + ": no document");
                }
            } catch (RuntimeException e) {
                problems.add(Repo.ROOT.relativize(file) + ": " + e.getCause());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKubernetesDocumentHasApiVersionKindAndName() {
        List<String> problems = new ArrayList<>();
        for (Path file : Repo.yamlFiles(Repo.K8S)) {
            for (JsonNode document : Repo.documents(file)) {
                for (String field : List.of("/apiVersion", "/kind", "/metadata/name")) {
                    if (document.at(field).asText().isBlank()) {
                        problems.add(Repo.ROOT.relativize(file) + ": a document without " + field);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
