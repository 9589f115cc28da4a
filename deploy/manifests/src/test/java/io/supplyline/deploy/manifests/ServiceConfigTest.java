package io.supplyline.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader of application.properties the other checks rely on: what counts as read, and as required. */
class ServiceConfigTest {

    private static final ServiceConfig EXAMPLE = ServiceConfig.parse("example", """
            quarkus.http.port=${EXAMPLE_PORT:8080}
            quarkus.management.enabled=true
            quarkus.management.port=${EXAMPLE_MANAGEMENT_PORT:9080}
            quarkus.datasource.password=${EXAMPLE_PASSWORD}
            quarkus.application.name=${quarkus.container-image.name}
            %local.quarkus.datasource.username=${LOCAL_ONLY}
            %test.quarkus.datasource.username=${TEST_ONLY}
            mp.jwt.verify.publickey.location=jwt/dev.pem
            %prod.mp.jwt.verify.publickey.location=${EXAMPLE_KEY}
            quarkus.datasource.jdbc.url=${EXAMPLE_DB_URL:jdbc:h2:file:${EXAMPLE_DIR:./data}/db;MODE=PostgreSQL}
            quarkus.container-image.group=example-group
            quarkus.container-image.name=example
            """);

    @Test
    void aVariableWithoutDefaultIsRequiredAndOneWithADefaultIsOnlyRead() {
        assertThat(EXAMPLE.requiredVariables()).containsExactlyInAnyOrder("EXAMPLE_PASSWORD", "EXAMPLE_KEY");
        assertThat(EXAMPLE.variablesRead()).contains("EXAMPLE_PORT", "EXAMPLE_DB_URL");
    }

    @Test
    void linesOfOtherProfilesAreIgnoredAndProdLinesOverrideTheDefaultProfile() {
        assertThat(EXAMPLE.variablesRead()).doesNotContain("LOCAL_ONLY", "TEST_ONLY");
        assertThat(EXAMPLE.production().get("mp.jwt.verify.publickey.location")).isEqualTo("${EXAMPLE_KEY}");
    }

    @Test
    void aVariableInsideAnotherOnesDefaultIsReadButNotRequiredAndPropertyReferencesAreNotVariables() {
        assertThat(EXAMPLE.variablesRead()).contains("EXAMPLE_DIR").doesNotContain("quarkus.container-image.name");
        assertThat(EXAMPLE.requiredVariables()).doesNotContain("EXAMPLE_DIR");
    }

    @Test
    void aDatabaseUrlWithALocalDefaultMustStillBeSetInProduction() {
        assertThat(EXAMPLE.variablesProductionMustSet())
                .containsExactlyInAnyOrder("EXAMPLE_PASSWORD", "EXAMPLE_KEY", "EXAMPLE_DB_URL");
    }

    @Test
    void theHttpPortIsTheVariableWhenSetElseItsDefault() {
        assertThat(EXAMPLE.httpPort(Map.of())).isEqualTo(8080);
        assertThat(EXAMPLE.httpPort(Map.of("EXAMPLE_PORT", "9000"))).isEqualTo(9000);
    }

    @Test
    void theManagementPortIsTheVariableWhenSetElseItsDefaultAndQuarkusDefaultWhenNotConfigured() {
        assertThat(EXAMPLE.managementEnabled()).isTrue();
        assertThat(EXAMPLE.managementPort(Map.of())).isEqualTo(9080);
        assertThat(EXAMPLE.managementPort(Map.of("EXAMPLE_MANAGEMENT_PORT", "9100"))).isEqualTo(9100);
        ServiceConfig plain = ServiceConfig.parse("plain", "quarkus.http.port=8080\n");
        assertThat(plain.managementEnabled()).isFalse();
        assertThat(plain.managementPort(Map.of())).isEqualTo(9000);
    }

    @Test
    void jvmAndQuarkusVariablesAreAcceptedButATypoIsNot() {
        assertThat(EXAMPLE.accepts("JAVA_OPTS")).isTrue();
        assertThat(EXAMPLE.accepts("QUARKUS_LOG_LEVEL")).isTrue();
        assertThat(EXAMPLE.accepts("EXAMPLE_PASWORD")).isFalse();
    }

    @Test
    void bothServicesConfigurationsAreReadFromTheirLiveFiles() {
        for (String module : Repo.SERVICES) {
            ServiceConfig config = ServiceConfig.of(module);
            assertThat(config.variablesRead()).as(module).contains("KAFKA_BOOTSTRAP_SERVERS");
            assertThat(config.imageName()).as(module).endsWith("/" + module).doesNotContain("null");
        }
    }
}
