package io.supplyline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.supplyline.deploy.cluster.ClusterLayout;
import io.supplyline.deploy.cluster.LocalCluster;
import io.supplyline.deploy.cluster.ManagedProcess;
import io.supplyline.deploy.cluster.ServiceProcess;
import io.supplyline.deploy.generator.DayReport;
import io.supplyline.deploy.kafka.DataDirectory;
import io.supplyline.deploy.kafka.FreePorts;
import io.supplyline.events.EventTopic;
import io.supplyline.system.faults.ClusterClient;
import io.supplyline.system.faults.FaultDatabases;
import io.supplyline.system.faults.Ledger;
import io.supplyline.system.faults.QueryGroup;
import io.supplyline.system.faults.SteadyLoad;

/**
 * Three query instances share one read-model database through the projection engine's consumer group:
 * Kafka gives each partition of the event topic to one of them. Under steady realistic load the
 * busiest is killed (-9); the two left must take its partitions over once its session times out, and
 * start them where the database says their rows are. Then it comes back and gets partitions again while
 * the load goes on (the others give theirs up mid-stream). After each of these every read model,
 * recomputed from the event store, equals what the query database holds: nothing lost, nothing
 * applied twice. Last, one is stopped gracefully: it leaves the group at once, and the others take over.
 */
class QueryInstancesIT {

    /** Databases of their own, so that this test and the fault suite can run side by side. */
    private static final String COMMAND_DATABASE = "supplyline_instances_command";
    private static final String QUERY_DATABASE = "supplyline_instances_query";
    private static final double RATE = 25;
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(15);
    private static final Duration LOAD_AFTER = Duration.ofSeconds(5);
    /** The engine's session timeout (10 s) and a rebalance, with room for a loaded two-core machine. */
    private static final Duration TAKE_OVER_WITHIN = Duration.ofSeconds(60);
    private static final Duration RECONCILE_WITHIN = Duration.ofSeconds(120);
    /** Kafka's bookkeeping only: well under the session timeout, so a member that never left cannot pass. */
    private static final Duration GRACEFUL_LEAVE_WITHIN = Duration.ofSeconds(3);

    private static Path dataDirectory;
    private static LocalCluster cluster;
    private static ClusterClient client;
    private static int partitions;

    @BeforeAll
    static void startCluster() throws Exception {
        FaultDatabases.recreate(COMMAND_DATABASE, QUERY_DATABASE);
        dataDirectory = Files.createTempDirectory("supplyline-query-instances");
        Path root = Path.of(System.getProperty("supplyline.root", "../..")).toAbsolutePath().normalize();
        // One broker and one command side keep the machine free for the three query instances under test.
        cluster = new LocalCluster(new ClusterLayout(root, dataDirectory, List.of(FreePorts.next()), List.of(FreePorts.next()),
                List.of(FreePorts.next()), List.of(FreePorts.next(), FreePorts.next(), FreePorts.next()),
                FaultDatabases.SERVER + COMMAND_DATABASE, FaultDatabases.SERVER + QUERY_DATABASE,
                FaultDatabases.USER, FaultDatabases.PASSWORD,
                // The cluster asks for three copies of the topic; one broker holds one.
                List.of("quarkus.profile=local", "supplyline.kafka.replication-factor=1",
                        "supplyline.kafka.min-insync-replicas=1")));
        cluster.start();
        client = new ClusterClient(cluster);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            partitions = admin.describeTopics(List.of(EventTopic.NAME)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(EventTopic.NAME).partitions().size();
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (dataDirectory != null) {
            keepLogs();
            DataDirectory.delete(dataDirectory);
        }
    }

    @Test
    void partitionsMoveToTheLiveQueryInstancesWithoutLosingOrDoublingAnEvent() throws Exception {
        List<ServiceProcess> all = cluster.querySides();
        assertThat(partitions).as("partitions of the event topic").isGreaterThanOrEqualTo(all.size());
        awaitOwnedBy(all, TAKE_OVER_WITHIN);

        // Phase 1: three instances, the busiest killed under load.
        SteadyLoad load = SteadyLoad.start(cluster, RATE);
        ManagedProcess.sleep(LOAD_BEFORE_KILL.toMillis());
        ServiceProcess killed = busiest(all);
        List<ServiceProcess> survivors = all.stream().filter(instance -> instance != killed).toList();
        killed.kill();
        long killedAt = System.nanoTime();
        awaitOwnedBy(survivors, TAKE_OVER_WITHIN);
        System.out.printf("[query-instances] %s killed; its partitions were taken over in %.1f s%n", killed.name(),
                (System.nanoTime() - killedAt) / 1e9);
        ManagedProcess.sleep(LOAD_AFTER.toMillis());
        DayReport withTwo = load.stop();
        assertBalanced("3 instances, one killed", withTwo, awaitReconciled(load.acknowledged()));

        // Phase 2: two instances under load, the third rejoins and takes partitions from them.
        load = SteadyLoad.start(cluster, RATE);
        ManagedProcess.sleep(LOAD_AFTER.toMillis());
        killed.start();
        awaitOwnedBy(all, TAKE_OVER_WITHIN);
        ManagedProcess.sleep(LOAD_AFTER.toMillis());
        DayReport withThree = load.stop();
        assertBalanced("2 instances, the third rejoining", withThree, awaitReconciled(load.acknowledged()));

        // Phase 3: a graceful stop (SIGTERM) leaves the group on the way out. One that merely vanished
        // would stay a member until its session timed out (10 s after its last heartbeat).
        ServiceProcess stopped = busiest(all);
        stopped.stop();
        long deadline = System.nanoTime() + GRACEFUL_LEAVE_WITHIN.toNanos();
        while (isMember(stopped) && System.nanoTime() < deadline) {
            ManagedProcess.sleep(200);
        }
        assertThat(isMember(stopped)).as(stopped.name() + " still in the consumer group after a graceful stop").isFalse();
        awaitOwnedBy(all.stream().filter(instance -> instance != stopped).toList(), TAKE_OVER_WITHIN);
    }

    /**
     * Waits until exactly {@code owners} own the topic's partitions: each of them some, the other
     * instances none, all partitions assigned; fails with who owned how many when the time is up.
     */
    private static void awaitOwnedBy(List<ServiceProcess> owners, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Map<Long, Integer> owned;
        while (true) {
            owned = QueryGroup.partitionsByPid(cluster.bootstrapServers());
            if (ownedBy(owned, owners) || System.nanoTime() > deadline) {
                break;
            }
            ManagedProcess.sleep(500);
        }
        assertThat(ownedBy(owned, owners)).as(partitions + " partitions owned by " + names(owners)
                + " alone, each some; partitions per pid: " + owned + ", pids: " + pids()).isTrue();
    }

    /** Kafka assigns a partition to one member at most, so the counts tell the story. */
    private static boolean ownedBy(Map<Long, Integer> owned, List<ServiceProcess> owners) {
        int assigned = 0;
        for (ServiceProcess instance : cluster.querySides()) {
            int count = owned.getOrDefault(instance.pid(), 0);
            if (owners.contains(instance) == (count == 0)) {
                return false;
            }
            assigned += count;
        }
        return assigned == partitions;
    }

    /** The instance that owns the most partitions (the first of them on a tie). */
    private static ServiceProcess busiest(List<ServiceProcess> instances) throws Exception {
        Map<Long, Integer> owned = QueryGroup.partitionsByPid(cluster.bootstrapServers());
        ServiceProcess busiest = instances.get(0);
        for (ServiceProcess instance : instances) {
            if (owned.getOrDefault(instance.pid(), 0) > owned.getOrDefault(busiest.pid(), 0)) {
                busiest = instance;
            }
        }
        return busiest;
    }

    /** In the group, with partitions or (between assignments) without. */
    private static boolean isMember(ServiceProcess instance) throws Exception {
        return QueryGroup.partitionsByPid(cluster.bootstrapServers()).containsKey(instance.pid());
    }

    private static List<String> names(List<ServiceProcess> instances) {
        return instances.stream().map(ServiceProcess::name).toList();
    }

    private static String pids() {
        return cluster.querySides().stream().map(instance -> instance.name() + "=" + instance.pid()).toList().toString();
    }

    private static void assertBalanced(String phase, DayReport load, Ledger ledger) {
        System.out.printf("[query-instances] %s: %d commands, %d accepted, %d events stored; lost %d, applied twice %d,"
                        + " rows off %d %s%n", phase, load.commands(), load.accepted(), ledger.storedEvents(), ledger.lost(),
                ledger.appliedTwice(), ledger.differingRows(), ledger.differences());
        SoftAssertions books = new SoftAssertions();
        books.assertThat(load.accepted()).as(phase + ": commands accepted").isPositive();
        books.assertThat(ledger.lost()).as(phase + ": events lost").isZero();
        books.assertThat(ledger.appliedTwice()).as(phase + ": events applied twice").isZero();
        books.assertThat(ledger.differences()).as(phase + ": read-model rows off").isEmpty();
        books.assertAll();
    }

    /** Takes the books until they balance and the store stayed the same over three looks, or the time is up. */
    private static Ledger awaitReconciled(List<String> acknowledged) throws Exception {
        long deadline = System.nanoTime() + RECONCILE_WITHIN.toNanos();
        long lastStored = -1;
        int quietLooks = 0;
        while (true) {
            Ledger ledger;
            try (Connection store = FaultDatabases.open(COMMAND_DATABASE); Connection readModels = FaultDatabases.open(QUERY_DATABASE)) {
                ledger = Ledger.take(acknowledged, client.storeAgainstTopic(), store, readModels);
            }
            quietLooks = ledger.storedEvents() == lastStored ? quietLooks + 1 : 0;
            lastStored = ledger.storedEvents();
            if ((ledger.balanced() && quietLooks >= 2) || System.nanoTime() > deadline) {
                return ledger;
            }
            ManagedProcess.sleep(1_000);
        }
    }

    /** The processes' logs outlive the cluster's data, for a look after a failure. */
    private static void keepLogs() throws Exception {
        Path logs = dataDirectory.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        Path kept = Path.of(System.getProperty("supplyline.logs", "target/system-test-logs"), "query-instances");
        Files.createDirectories(kept);
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
