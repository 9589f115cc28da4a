package io.supplyline.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** compose.yaml: three brokers in one KRaft quorum, two instances per service, Prometheus and PostgreSQL wired to them. */
class ComposeTopologyTest {

    private static final Map<String, JsonNode> BROKERS = Compose.brokers();

    @Test
    void threeBrokersRunTheOfficialKafkaImageOfTheVersionTheBuildUses() {
        assertThat(BROKERS).hasSize(3);
        BROKERS.forEach((name, broker) -> assertThat(broker.path("image").asText())
                .as(name).isEqualTo("apache/kafka:" + Repo.pomProperty("kafka.version")));
    }

    @Test
    void theBrokersHaveDistinctNodeIdsAndShareOneClusterId() {
        Set<String> nodeIds = new HashSet<>();
        Set<String> clusterIds = new HashSet<>();
        BROKERS.values().forEach(broker -> {
            nodeIds.add(Compose.environment(broker).get("KAFKA_NODE_ID"));
            clusterIds.add(Compose.environment(broker).get("CLUSTER_ID"));
        });
        assertThat(nodeIds).hasSize(3).doesNotContainNull();
        assertThat(clusterIds).hasSize(1).doesNotContainNull();
    }

    @Test
    void everyBrokersVotersListNamesAllThreeBrokersByNodeIdAndHost() {
        Map<String, String> expected = new TreeMap<>(); // node id -> host the broker is reachable at
        BROKERS.forEach((name, broker) -> expected.put(Compose.environment(broker).get("KAFKA_NODE_ID"), name));
        Pattern voter = Pattern.compile("(\\d+)@([^:,]+):\\d+");
        BROKERS.forEach((name, broker) -> {
            Map<String, String> voters = new TreeMap<>();
            Matcher m = voter.matcher(Compose.environment(broker).getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", ""));
            while (m.find()) {
                voters.put(m.group(1), m.group(2));
            }
            assertThat(voters).as(name + " voters").isEqualTo(expected);
            assertThat(Compose.environment(broker).get("KAFKA_PROCESS_ROLES")).as(name).contains("controller", "broker");
        });
    }

    @Test
    void theBrokersReplicateThreeTimesWithMinIsrTwoAndCreateNoTopicsThemselves() {
        Map<String, String> expected = Map.of(
                "KAFKA_DEFAULT_REPLICATION_FACTOR", "3",
                "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3",
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3",
                "KAFKA_MIN_INSYNC_REPLICAS", "2",
                "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2",
                "KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        BROKERS.forEach((name, broker) -> assertThat(Compose.environment(broker)).as(name).containsAllEntriesOf(expected));
    }

    @Test
    void theServicesBootstrapFromTheBrokersListenersAndCreateTheTopicWithReplicationThreeAndMinIsrTwo() {
        Set<String> advertised = new TreeSet<>(); // host:port of every broker's client listener
        BROKERS.values().forEach(broker -> {
            for (String listener : Compose.environment(broker).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "").split(",")) {
                advertised.add(listener.replaceFirst("^[A-Z_]+://", ""));
            }
        });
        Compose.serviceInstances().forEach((name, service) -> {
            Map<String, String> environment = Compose.environment(service);
            assertThat(environment).as(name).containsEntry("SUPPLYLINE_TOPIC_REPLICATION", "3")
                    .containsEntry("SUPPLYLINE_TOPIC_MIN_ISR", "2").containsEntry("SUPPLYLINE_TOPIC_PARTITIONS", "6");
            Set<String> servers = new TreeSet<>();
            Set<String> hosts = new TreeSet<>();
            for (String server : environment.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "").split(",")) {
                servers.add(server.trim());
                hosts.add(server.trim().split(":")[0]);
            }
            assertThat(hosts).as(name + " bootstrap hosts").isEqualTo(new TreeSet<>(BROKERS.keySet()));
            assertThat(advertised).as(name + " bootstrap servers are advertised listeners").containsAll(servers);
        });
    }

    @Test
    void eachServiceRunsTwoInstancesPublishingTheirHttpPortOnDistinctHostPorts() {
        List<Integer> hostPorts = new ArrayList<>();
        for (String module : Repo.SERVICES) {
            ServiceConfig config = ServiceConfig.of(module);
            assertThat(Compose.instancesOf(module)).as(module + " instances").hasSize(2);
            Compose.instancesOf(module).forEach((name, service) -> {
                List<int[]> ports = Compose.publishedPorts(service);
                assertThat(ports).as(name + " ports").hasSize(1);
                assertThat(ports.get(0)[1]).as(name + " container port")
                        .isEqualTo(config.httpPort(Compose.environment(service)));
                hostPorts.add(ports.get(0)[0]);
            });
        }
        assertThat(hostPorts).doesNotHaveDuplicates();
    }

    @Test
    void everyServiceInstanceReservesAtLeast384MiBAndIsLimitedAboveThat() {
        Compose.serviceInstances().forEach((name, service) -> {
            JsonNode resources = service.path("deploy").path("resources");
            long reserved = Quantities.dockerBytes(resources.path("reservations").path("memory").asText("0"));
            long limit = Quantities.dockerBytes(resources.path("limits").path("memory").asText("0"));
            assertThat(reserved).as(name + " memory reservation").isGreaterThanOrEqualTo(384L << 20);
            assertThat(limit).as(name + " memory limit").isGreaterThanOrEqualTo(reserved);
        });
    }

    @Test
    void prometheusScrapesEveryServiceInstanceAtQMetricsOnItsManagementPort() {
        JsonNode prometheus = Compose.servicesRunning("prom/prometheus").values().stream().findFirst()
                .orElseThrow(() -> new AssertionError("no prom/prometheus service"));
        assertThat(prometheus.path("volumes").toString()).contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml");

        Set<String> scraped = new HashSet<>();
        Repo.document(Repo.COMPOSE.resolve("prometheus/prometheus.yml")).path("scrape_configs").forEach(job -> {
            if (job.path("metrics_path").asText().equals("/q/metrics")) {
                job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> scraped.add(t.asText())));
            }
        });
        for (String module : Repo.SERVICES) {
            ServiceConfig config = ServiceConfig.of(module);
            Compose.instancesOf(module).forEach((name, service) ->
                    assertThat(scraped).contains(name + ":" + config.managementPort(Compose.environment(service))));
        }
    }

    @Test
    void postgresCreatesEveryDatabaseTheServicesConnectTo() {
        Map<String, JsonNode> postgres = Compose.servicesRunning("postgres");
        assertThat(postgres).hasSize(1);
        String host = postgres.keySet().iterator().next();
        String initScript = "./postgres/init-databases.sql";
        assertThat(postgres.get(host).path("volumes").toString()).contains(initScript + ":/docker-entrypoint-initdb.d/");

        Set<String> created = new HashSet<>();
        Matcher m = Pattern.compile("(?i)CREATE\\s+DATABASE\\s+(\\w+)").matcher(Repo.read(Repo.COMPOSE.resolve(initScript)));
        while (m.find()) {
            created.add(m.group(1));
        }
        Pattern url = Pattern.compile("jdbc:postgresql://([^:/]+)(?::\\d+)?/(\\w+).*");
        Compose.serviceInstances().forEach((name, service) -> Compose.environment(service).forEach((variable, value) -> {
            if (variable.endsWith("_DB_URL")) {
                Matcher jdbc = url.matcher(value);
                assertThat(jdbc.matches()).as(name + " " + variable + " is a PostgreSQL URL: " + value).isTrue();
                assertThat(jdbc.group(1)).as(name + " database host").isEqualTo(host);
                assertThat(created).as("databases the init script creates").contains(jdbc.group(2));
            }
        }));
    }
}
