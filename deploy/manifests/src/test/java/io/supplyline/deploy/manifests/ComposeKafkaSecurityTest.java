package io.supplyline.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Kafka in compose.yaml: TLS and a SASL login on every listener, ACLs deciding the rest (kafka/acls.sh: the command
 * side writes supplychain.events, the query side only reads it), and each service logging in as its own user with
 * its password and the brokers' CA as compose secrets.
 */
class ComposeKafkaSecurityTest {

    private static final Map<String, JsonNode> BROKERS = Compose.brokers();
    private static final Path ACLS = Repo.COMPOSE.resolve("kafka/acls.sh");
    private static final String TOPIC = "supplychain.events";

    @Test
    void everyBrokerListenerIsTlsWithASaslLogin() {
        assertThat(BROKERS).hasSize(3);
        BROKERS.forEach((name, broker) -> {
            Map<String, String> environment = Compose.environment(broker);
            Map<String, String> protocols = new TreeMap<>(); // listener name -> security protocol
            for (String entry : environment.getOrDefault("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "").split(",")) {
                protocols.put(entry.split(":")[0], entry.split(":")[1]);
            }
            Set<String> listeners = new TreeSet<>();
            for (String listener : environment.getOrDefault("KAFKA_LISTENERS", "").split(",")) {
                listeners.add(listener.split("://")[0]);
            }
            assertThat(listeners).as(name + " listeners").isNotEmpty()
                    .allSatisfy(listener -> assertThat(protocols.get(listener)).as(name + " " + listener).isEqualTo("SASL_SSL"));
            assertThat(environment).as(name)
                    .containsEntry("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL", "PLAIN")
                    .containsEntry("KAFKA_SASL_MECHANISM_CONTROLLER_PROTOCOL", "PLAIN")
                    .containsKey("KAFKA_SSL_KEYSTORE_FILENAME");
            assertThat(environment.get("KAFKA_OPTS")).as(name).contains("-Djava.security.auth.login.config=/etc/kafka/secrets/");
            assertThat(Compose.bindMounts(broker)).as(name).containsEntry("/etc/kafka/secrets", Repo.COMPOSE.resolve("secrets/kafka"));
        });
    }

    @Test
    void theBrokersAllowOnlyWhatAnAclAllowsAndOnlyTheirOwnUserIsASuperUser() {
        BROKERS.forEach((name, broker) -> assertThat(Compose.environment(broker)).as(name)
                .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_SUPER_USERS", "User:admin"));
    }

    @Test
    void onlyTheCommandSidesUserWritesTheTopicAndTheQuerySidesUserOnlyReadsAndDescribesIt() {
        Map<String, Set<String>> granted = topicAcls();
        String commandSide = "User:" + username("command-side");
        String querySide = "User:" + username("query-side");
        assertThat(granted.get(commandSide)).as(commandSide).contains("Create", "Describe", "Write", "Read");
        assertThat(granted.get(querySide)).as(querySide).contains("Read").isSubsetOf("Read", "Describe");
        // Its instances join one consumer group to share the partitions.
        assertThat(Repo.read(ACLS)).contains("--add --group supplyline-query \"$@\"")
                .contains("group_acl --allow-principal " + querySide + " --operation Read");
        granted.forEach((principal, operations) -> {
            if (!principal.equals(commandSide)) {
                assertThat(operations).as(principal).doesNotContain("Write", "All");
            }
        });
    }

    @Test
    void eachServiceInstanceLogsInOverTlsAsItsServicesUserWithItsPasswordAndTheCaAsComposeSecrets() {
        JsonNode declared = Repo.document(Compose.FILE).path("secrets");
        Set<String> users = new TreeSet<>();
        for (String module : Repo.SERVICES) {
            Compose.instancesOf(module).forEach((name, service) -> {
                KafkaClientSettings settings = clientSettings(name, service);
                assertThat(settings.get("security.protocol")).as(name).isEqualTo("SASL_SSL");
                assertThat(settings.get("sasl.mechanism")).as(name).isEqualTo("PLAIN");
                assertThat(username(settings)).as(name).isEqualTo(username(module));
                Map<String, String> secrets = Compose.secretMounts(service);
                List<String> passwordFiles = settings.filesReadBy("sasl.jaas.config");
                assertThat(passwordFiles).as(name + " password files").hasSize(1);
                assertThat(secrets).as(name + " secrets").containsKeys(passwordFiles.get(0), settings.get("ssl.truststore.location"));
                assertThat(secrets.get(passwordFiles.get(0))).as(name + " password secret").contains(module);
                assertThat(settings.get("ssl.truststore.type")).as(name).isEqualTo("PEM");
                secrets.values().forEach(secret -> assertThat(declared.has(secret)).as(name + " secret " + secret + " declared").isTrue());
            });
            users.add(username(module));
        }
        assertThat(users).as("one Kafka user per service").hasSize(Repo.SERVICES.size());
    }

    @Test
    void theAclJobRunsTheAclScriptAndEveryServiceInstanceWaitsForItToSucceed() {
        JsonNode job = Compose.services().path("kafka-acls");
        assertThat(job.path("image").asText()).startsWith("apache/kafka:");
        assertThat(Compose.bindMounts(job)).containsValue(ACLS);
        Compose.serviceInstances().forEach((name, service) -> assertThat(
                service.path("depends_on").path("kafka-acls").path("condition").asText()).as(name)
                .isEqualTo("service_completed_successfully"));
    }

    /** The settings KAFKA_CLIENT_PROPERTIES names: a file of this folder, bind-mounted into the instance. */
    private static KafkaClientSettings clientSettings(String name, JsonNode service) {
        String location = Compose.environment(service).get("KAFKA_CLIENT_PROPERTIES");
        Path file = Compose.bindMounts(service).get(location);
        assertThat(file).as(name + ": KAFKA_CLIENT_PROPERTIES " + location + " is a mounted file of deploy/compose").isNotNull();
        return KafkaClientSettings.parse(Repo.read(file));
    }

    /** The user every instance of a service logs in as (each must agree; checked above). */
    private static String username(String module) {
        Map.Entry<String, JsonNode> first = Compose.instancesOf(module).entrySet().iterator().next();
        return username(clientSettings(first.getKey(), first.getValue()));
    }

    private static String username(KafkaClientSettings settings) {
        Matcher user = Pattern.compile("username=\"([^\"]+)\"").matcher(settings.get("sasl.jaas.config"));
        assertThat(user.find()).as("a username in " + settings.get("sasl.jaas.config")).isTrue();
        return user.group(1);
    }

    /** kafka/acls.sh's grants on the topic, by principal: each {@code acl --allow-principal P --operation O...} line. */
    private static Map<String, Set<String>> topicAcls() {
        String script = Repo.read(ACLS);
        assertThat(script).as("every acl line is for " + TOPIC).contains("--add --topic " + TOPIC + " \"$@\"");
        Map<String, Set<String>> granted = new TreeMap<>();
        Pattern operation = Pattern.compile("--operation (\\w+)");
        for (String line : script.split("\n")) {
            Matcher principal = Pattern.compile("^acl --allow-principal (\\S+)").matcher(line.trim());
            if (principal.find()) {
                Matcher m = operation.matcher(line);
                while (m.find()) {
                    granted.computeIfAbsent(principal.group(1), p -> new TreeSet<>()).add(m.group(1));
                }
            }
        }
        assertThat(granted).as("grants in kafka/acls.sh").isNotEmpty();
        return granted;
    }
}
