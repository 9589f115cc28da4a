package io.supplyline.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Kafka in deploy/k8s lets in only clients with TLS and a login, and lets each do only what its KafkaUser's ACLs
 * allow: the command side writes supplychain.events, the query side only reads it. Each service logs in as its own
 * user, with the client settings, the user's Secret and the cluster CA mounted into its pods.
 */
class K8sKafkaSecurityTest {

    private static final String TOPIC = "supplychain.events";
    private static final Set<String> WRITING = Set.of("Write", "All");

    @Test
    void everyListenerRequiresTlsAndALogin() {
        List<JsonNode> listeners = K8s.list(kafka().path("spec").path("kafka").path("listeners"));
        assertThat(listeners).isNotEmpty();
        listeners.forEach(listener -> {
            assertThat(listener.path("tls").asBoolean()).as("listener " + listener.path("name").asText() + " tls").isTrue();
            assertThat(listener.path("authentication").path("type").asText()).as("listener " + listener.path("name").asText())
                    .isIn("scram-sha-512", "tls");
        });
    }

    @Test
    void theClusterAuthorizesByAclsAndItsUserOperatorKeepsTheUsers() {
        assertThat(kafka().path("spec").path("kafka").path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(kafka().path("spec").path("entityOperator").has("userOperator")).as("userOperator").isTrue();
        assertThat(K8s.ofKind("KafkaUser")).isNotEmpty().allSatisfy(user -> {
            assertThat(user.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(K8s.name(kafka()));
            assertThat(user.path("spec").path("authorization").path("type").asText()).isEqualTo("simple");
        });
    }

    @Test
    void theCommandSidesUserCreatesDescribesWritesAndReadsTheTopicAndNoOtherUserWritesIt() {
        JsonNode commandSide = userOf("command-side");
        assertThat(operations(commandSide, "topic", TOPIC)).contains("Create", "Describe", "Write", "Read");
        K8s.ofKind("KafkaUser").stream().filter(user -> !K8s.name(user).equals(K8s.name(commandSide))).forEach(user ->
                assertThat(operations(user, "topic", TOPIC)).as(K8s.name(user) + " on " + TOPIC).doesNotContainAnyElementsOf(WRITING));
    }

    @Test
    void theQuerySidesUserOnlyReadsAndDescribesTheTopicAndOnlyReadsGroups() {
        JsonNode querySide = userOf("query-side");
        assertThat(operations(querySide, "topic", TOPIC)).contains("Read").isSubsetOf("Read", "Describe");
        // Its instances join one consumer group to share the partitions.
        assertThat(operations(querySide, "group", "supplyline-query")).contains("Read");
        acls(querySide).forEach(acl -> {
            String resource = acl.path("resource").path("type").asText() + " " + acl.path("resource").path("name").asText();
            Set<String> allowed = switch (acl.path("resource").path("type").asText()) {
                case "topic" -> acl.path("resource").path("name").asText().equals(TOPIC) ? Set.of("Read", "Describe") : Set.of();
                case "group" -> Set.of("Read");
                default -> Set.of();
            };
            assertThat(operationsOf(acl)).as("query side on " + resource).isSubsetOf(allowed);
        });
    }

    @Test
    void eachServiceLogsInAsItsOwnUserOverTlsWithTheClientSettingsItsSecretAndTheClusterCaMounted() {
        Set<String> users = new TreeSet<>();
        for (String module : Repo.SERVICES) {
            Map<String, K8s.MountedFile> files = K8s.mountedFiles(module);
            KafkaClientSettings settings = clientSettings(module);
            assertThat(settings.get("security.protocol")).as(module).isEqualTo("SASL_SSL");
            assertThat(settings.get("sasl.mechanism")).as(module).isEqualTo("SCRAM-SHA-512");

            List<String> login = settings.filesReadBy("sasl.jaas.config");
            assertThat(login).as(module + " login files").hasSize(1);
            K8s.MountedFile loginFile = files.get(login.get(0));
            assertThat(loginFile).as(module + ": " + login.get(0) + " is a mounted file").isNotNull();
            assertThat(loginFile.key()).isEqualTo("sasl.jaas.config");
            assertThat(K8s.find("KafkaUser", loginFile.name())).as(module + " logs in as a KafkaUser").isPresent();
            users.add(loginFile.name());

            assertThat(settings.get("ssl.truststore.type")).as(module).isEqualTo("PEM");
            assertThat(files.get(settings.get("ssl.truststore.location"))).as(module + " truststore")
                    .isEqualTo(new K8s.MountedFile("Secret", K8s.name(kafka()) + "-cluster-ca-cert", "ca.crt"));
        }
        assertThat(users).as("one KafkaUser per service").hasSize(Repo.SERVICES.size());
    }

    /** The settings in the file KAFKA_CLIENT_PROPERTIES names, which must be a file of a mounted ConfigMap. */
    private static KafkaClientSettings clientSettings(String module) {
        String location = K8s.environment(K8s.serviceContainer(module)).get("KAFKA_CLIENT_PROPERTIES");
        K8s.MountedFile file = K8s.mountedFiles(module).get(location);
        assertThat(file).as(module + ": KAFKA_CLIENT_PROPERTIES " + location + " is a mounted file").isNotNull();
        assertThat(file.kind()).as(module + " client settings").isEqualTo("ConfigMap");
        return KafkaClientSettings.parse(K8s.data("ConfigMap", file.name()).get(file.key()));
    }

    /** The KafkaUser a service logs in as: the one whose Secret its client settings read the login from. */
    private static JsonNode userOf(String module) {
        String login = clientSettings(module).filesReadBy("sasl.jaas.config").get(0);
        String secret = K8s.mountedFiles(module).get(login).name();
        return K8s.find("KafkaUser", secret).orElseThrow(() -> new AssertionError(module + " logs in as no KafkaUser"));
    }

    private static JsonNode kafka() {
        List<JsonNode> clusters = K8s.ofKind("Kafka");
        assertThat(clusters).hasSize(1);
        return clusters.get(0);
    }

    private static List<JsonNode> acls(JsonNode user) {
        return K8s.list(user.path("spec").path("authorization").path("acls"));
    }

    /** The operations a user's ACLs allow on one resource (literal name, or a prefix of it). */
    private static Set<String> operations(JsonNode user, String type, String name) {
        Set<String> operations = new TreeSet<>();
        acls(user).stream()
                .filter(acl -> acl.path("resource").path("type").asText().equals(type))
                .filter(acl -> acl.path("resource").path("patternType").asText("literal").equals("prefix")
                        ? name.startsWith(acl.path("resource").path("name").asText())
                        : acl.path("resource").path("name").asText().equals(name) || acl.path("resource").path("name").asText().equals("*"))
                .forEach(acl -> operations.addAll(operationsOf(acl)));
        return operations;
    }

    /** An ACL's allowed operations ({@code operations}, or the older single {@code operation}); a deny allows none. */
    private static Set<String> operationsOf(JsonNode acl) {
        Set<String> operations = new TreeSet<>();
        if (acl.path("type").asText("allow").equals("allow")) {
            acl.path("operations").forEach(operation -> operations.add(operation.asText()));
            if (acl.has("operation")) {
                operations.add(acl.path("operation").asText());
            }
        }
        return operations;
    }
}
