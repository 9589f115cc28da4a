package io.supplyline.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Strimzi Kafka cluster, its topic and the CloudNativePG database, and how the services reach them. */
class K8sKafkaAndPostgresTest {

    private static final String TOPIC = "supplychain.events";

    @Test
    void theKafkaClusterRunsThreeKraftNodesThatAreBrokersAndControllers() {
        JsonNode kafka = onlyOne("Kafka");
        assertThat(kafka.path("spec").has("zookeeper")).as("ZooKeeper section").isFalse();
        List<JsonNode> pools = K8s.ofKind("KafkaNodePool").stream()
                .filter(p -> p.path("metadata").path("labels").path("strimzi.io/cluster").asText().equals(K8s.name(kafka)))
                .toList();
        assertThat(nodesWithRole(pools, "broker")).as("broker nodes").isEqualTo(3);
        assertThat(nodesWithRole(pools, "controller")).as("controller nodes").isEqualTo(3);
    }

    @Test
    void theKafkaClusterReplicatesThreeTimesWithMinIsrTwoAndCreatesNoTopicsItself() {
        JsonNode config = onlyOne("Kafka").path("spec").path("kafka").path("config");
        Map.of("default.replication.factor", "3", "offsets.topic.replication.factor", "3",
                "transaction.state.log.replication.factor", "3", "min.insync.replicas", "2",
                "transaction.state.log.min.isr", "2", "auto.create.topics.enable", "false")
                .forEach((key, value) -> assertThat(config.path(key).asText()).as(key).isEqualTo(value));
    }

    @Test
    void theTopicIsDeclaredOnThatClusterWithSixPartitionsThreeReplicasAndMinIsrTwo() {
        JsonNode spec = topic().path("spec");
        assertThat(topic().path("metadata").path("labels").path("strimzi.io/cluster").asText())
                .isEqualTo(K8s.name(onlyOne("Kafka")));
        assertThat(spec.path("partitions").asInt()).isEqualTo(6);
        assertThat(spec.path("replicas").asInt()).isEqualTo(3);
        assertThat(spec.path("config").path("min.insync.replicas").asText()).isEqualTo("2");
    }

    @Test
    void theServicesBootstrapFromTheTlsListenerWithLoginsAndWouldCreateTheTopicAsDeclared() {
        JsonNode kafka = onlyOne("Kafka");
        JsonNode tls = K8s.list(kafka.path("spec").path("kafka").path("listeners")).stream()
                .filter(l -> l.path("type").asText().equals("internal") && l.path("tls").asBoolean()
                        && l.path("authentication").has("type"))
                .findFirst().orElseThrow(() -> new AssertionError("no internal listener with TLS and authentication"));
        JsonNode spec = topic().path("spec");
        for (String module : Repo.SERVICES) {
            assertThat(K8s.environment(K8s.serviceContainer(module))).as(module)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", K8s.name(kafka) + "-kafka-bootstrap:" + tls.path("port").asInt())
                    .containsEntry("SUPPLYLINE_TOPIC_PARTITIONS", spec.path("partitions").asText())
                    .containsEntry("SUPPLYLINE_TOPIC_REPLICATION", spec.path("replicas").asText())
                    .containsEntry("SUPPLYLINE_TOPIC_MIN_ISR", spec.path("config").path("min.insync.replicas").asText());
        }
    }

    @Test
    void postgresCreatesEveryDatabaseTheServicesConnectToOnItsReadWriteService() {
        JsonNode cluster = onlyOne("Cluster");
        Set<String> databases = new HashSet<>();
        databases.add(cluster.path("spec").path("bootstrap").path("initdb").path("database").asText());
        K8s.ofKind("Database").stream()
                .filter(d -> d.path("spec").path("cluster").path("name").asText().equals(K8s.name(cluster)))
                .forEach(d -> databases.add(d.path("spec").path("name").asText()));

        Pattern url = Pattern.compile("jdbc:postgresql://([^:/]+)(?::\\d+)?/(\\w+).*");
        for (String module : Repo.SERVICES) {
            K8s.environment(K8s.serviceContainer(module)).forEach((variable, value) -> {
                if (variable.endsWith("_DB_URL")) {
                    Matcher jdbc = url.matcher(value);
                    assertThat(jdbc.matches()).as(module + " " + variable + " is a PostgreSQL URL: " + value).isTrue();
                    assertThat(jdbc.group(1)).as(module + " database host").isEqualTo(K8s.name(cluster) + "-rw");
                    assertThat(databases).as("databases of " + K8s.name(cluster)).contains(jdbc.group(2));
                }
            });
        }
    }

    @Test
    void theDatabasesAreOwnedByTheUserTheServicesConnectAs() {
        JsonNode initdb = onlyOne("Cluster").path("spec").path("bootstrap").path("initdb");
        String owner = initdb.path("owner").asText();
        // CloudNativePG creates the owner with the credentials of initdb.secret (a basic-auth Secret).
        assertThat(K8s.data("Secret", initdb.path("secret").path("name").asText())).containsEntry("username", owner);
        K8s.ofKind("Database").forEach(d -> assertThat(d.path("spec").path("owner").asText()).isEqualTo(owner));
        for (String module : Repo.SERVICES) {
            assertThat(K8s.environment(K8s.serviceContainer(module))).as(module).containsEntry("SUPPLYLINE_DB_USER", owner);
        }
    }

    private static JsonNode topic() {
        return K8s.ofKind("KafkaTopic").stream()
                .filter(t -> t.path("spec").path("topicName").asText(K8s.name(t)).equals(TOPIC))
                .findFirst().orElseThrow(() -> new AssertionError("no KafkaTopic for " + TOPIC));
    }

    private static JsonNode onlyOne(String kind) {
        List<JsonNode> documents = K8s.ofKind(kind);
        assertThat(documents).as(kind + " resources").hasSize(1);
        return documents.get(0);
    }

    private static int nodesWithRole(List<JsonNode> pools, String role) {
        return pools.stream()
                .filter(p -> K8s.list(p.path("spec").path("roles")).stream().anyMatch(r -> r.asText().equals(role)))
                .mapToInt(p -> p.path("spec").path("replicas").asInt())
                .sum();
    }
}
