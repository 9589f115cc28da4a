package io.supplyline.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The manifests run the images the build makes: {@code <quarkus.container-image.group>/<...name>:<project version>}.
 * compose.yaml may take the tag from ${SUPPLYLINE_VERSION:-<version>}: its default is what is compared.
 */
class ImageNamesTest {

    @Test
    void composeRunsTheImagesQuarkusBuildsTaggedWithTheProjectVersion() {
        for (String module : Repo.SERVICES) {
            String expected = ServiceConfig.of(module).imageName() + ":" + Repo.projectVersion();
            assertThat(Compose.instancesOf(module)).as("compose instances of " + module).isNotEmpty();
            Compose.instancesOf(module).forEach((name, service) ->
                    assertThat(Compose.interpolate(service.path("image").asText())).as(name).isEqualTo(expected));
        }
    }

    @Test
    void kubernetesRunsTheImagesQuarkusBuildsTaggedWithTheProjectVersion() {
        for (String module : Repo.SERVICES) {
            String expected = ServiceConfig.of(module).imageName() + ":" + Repo.projectVersion();
            assertThat(K8s.serviceContainer(module).path("image").asText()).as(module).isEqualTo(expected);
        }
    }
}
