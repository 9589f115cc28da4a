package io.supplyline.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** deploy/k8s/kustomization.yaml applies every manifest of the folder, into one namespace. */
class KustomizationTest {

    private static final Path FILE = Repo.K8S.resolve("kustomization.yaml");

    @Test
    void theKustomizationListsEveryYamlFileOfTheFolderAndNoMissingOne() {
        Set<String> files = new TreeSet<>();
        Repo.yamlFiles(Repo.K8S).stream().filter(f -> !f.equals(FILE))
                .forEach(f -> files.add(Repo.K8S.relativize(f).toString().replace('\\', '/')));
        Set<String> listed = new TreeSet<>();
        Repo.document(FILE).path("resources").forEach(r -> listed.add(r.asText()));
        assertThat(listed).isEqualTo(files);
    }

    @Test
    void theKustomizationPutsEverythingIntoANamespaceTheManifestsCreate() {
        JsonNode kustomization = Repo.document(FILE);
        String namespace = kustomization.path("namespace").asText();
        assertThat(namespace).isNotBlank();
        assertThat(K8s.find("Namespace", namespace)).as("Namespace " + namespace).isPresent();
    }
}
