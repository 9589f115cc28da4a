package io.supplyline.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

/**
 * The fault suite (`deploy/faults.sh`; its short form runs with every build): the local cluster
 * of run-cluster.sh under steady realistic load, one fault at a time, each followed by a
 * reconciliation of the event store, the topic and every read model. It prints (and writes to
 * target/fault-results.md) a table: fault, commands sent, accepted, rejected, answered 503, other
 * 5xx, no answer, events lost, events applied twice, read-model rows off, how long until a command
 * was visible end to end again, and until everything reconciled.
 */
class FaultSuiteIT {

    /** {@code full}: the durations (brokers down 30 s) at a higher rate; anything else: the short form. */
    private static final boolean FULL = "full".equals(System.getProperty("supplyline.faults"));
    private static final double RATE = FULL ? 50 : 25;
    private static final Duration BEFORE = Duration.ofSeconds(FULL ? 15 : 5);
    private static final Duration AFTER = Duration.ofSeconds(FULL ? 15 : 5);
    private static final Duration RECONCILE_WITHIN = Duration.ofSeconds(180);
    private static final Duration READY = Duration.ofSeconds(120);
    /** Under the services' transaction timeout (60 s), past which the stalled transaction would be rolled back. */
    private static final Duration LATE_COMMIT = Duration.ofSeconds(FULL ? 45 : 15);

    private static Path dataDirectory;
    private static LocalCluster cluster;
    private static ClusterClient client;
    private static final List<FaultOutcome> OUTCOMES = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        FaultDatabases.recreate();
        dataDirectory = Files.createTempDirectory("supplyline-faults");
        Path root = Path.of(System.getProperty("supplyline.root", "../..")).toAbsolutePath().normalize();
        cluster = new LocalCluster(new ClusterLayout(root, dataDirectory,
                List.of(FreePorts.next(), FreePorts.next(), FreePorts.next()),
                List.of(FreePorts.next(), FreePorts.next(), FreePorts.next()),
                List.of(FreePorts.next(), FreePorts.next()), List.of(FreePorts.next(), FreePorts.next()),
                FaultDatabases.SERVER + FaultDatabases.COMMAND, FaultDatabases.SERVER + FaultDatabases.QUERY,
                FaultDatabases.USER, FaultDatabases.PASSWORD, List.of("quarkus.profile=local")));
        cluster.start();
        client = new ClusterClient(cluster);
        client.registerProbeItem();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (!OUTCOMES.isEmpty()) {
            String table = FaultOutcome.table(OUTCOMES);
            System.out.println("\nFault suite (" + (FULL ? "full" : "short") + " form, " + RATE + " commands/s):\n" + table);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "fault-results.md"), table);
        }
        if (dataDirectory != null) {
            DataDirectory.delete(dataDirectory);
        }
    }

    @Test
    void noFaultLosesOrDoublesAnEventOrAnswers500() throws Exception {
        awaitBothQueryInstancesProcess();
        PostgresServer postgres = PostgresServer.onPort5432();
        BrokerKill brokerKill = new BrokerKill();
        LateCommit lateCommit = new LateCommit(client);
        List<Fault> faults = List.of(
                new Fault("kill -9 one of three brokers", brokerKill::kill, Duration.ofSeconds(FULL ? 20 : 10),
                        brokerKill::restart, true),
                new Fault("all brokers stopped " + (FULL ? 30 : 10) + " s", () -> LocalCluster.stopTogether(cluster.brokers()),
                        Duration.ofSeconds(FULL ? 30 : 10), () -> LocalCluster.startTogether(cluster.brokers(), READY), false),
                instanceKill("kill -9 query instance", cluster.querySides(), QUERY_PARTITIONS),
                instanceKill("kill -9 command instance", cluster.commandSides(), RELAY_CLAIM),
                instanceStop("SIGTERM query instance", cluster.querySides(), QUERY_PARTITIONS),
                instanceStop("SIGTERM command instance", cluster.commandSides(), RELAY_CLAIM),
                new Fault("PostgreSQL stopped 10 s", postgres::stop, Duration.ofSeconds(10), postgres::start, false),
                new Fault("a command's commit stalled " + LATE_COMMIT.toSeconds() + " s", lateCommit::inject, LATE_COMMIT,
                        lateCommit::lift, false));

        SoftAssertions books = new SoftAssertions();
        for (Fault fault : faults) {
            FaultOutcome outcome = run(fault);
            OUTCOMES.add(outcome);
            System.out.println(FaultOutcome.HEADER + "\n" + outcome.row());
            books.assertThat(outcome.ledger().lost()).as(fault.name() + ": events lost").isZero();
            books.assertThat(outcome.ledger().outOfOrderOnTopic()).as(fault.name() + ": events out of order on the topic").isZero();
            books.assertThat(outcome.ledger().appliedTwice()).as(fault.name() + ": events applied twice").isZero();
            books.assertThat(outcome.feeds().published()).as(fault.name() + ": feed records published").isPositive();
            books.assertThat(outcome.feeds().withoutOutcome()).as(fault.name() + ": feed records lost").isZero();
            books.assertThat(outcome.feeds().appliedTwice()).as(fault.name() + ": feed records applied twice").isZero();
            books.assertThat(outcome.ledger().differences()).as(fault.name() + ": read-model rows off").isEmpty();
            books.assertThat(outcome.serverErrors()).as(fault.name() + ": 5xx answers other than 503 "
                    + outcome.otherServerErrors()).isZero();
            books.assertThat(outcome.serviceBackSeconds()).as(fault.name() + ": service works again").isNotNegative();
            if (fault.name().startsWith("all brokers")) {
                books.assertThat(outcome.storedDuringFault()).as("commands accepted while no broker ran").isPositive();
            }
        }
        books.assertAll();
    }

    private FaultOutcome run(Fault fault) throws Exception {
        SteadyLoad load = SteadyLoad.start(cluster, RATE);
        DayReport report;
        double serviceBack;
        long injected;
        long lifted;
        Instant injectedAt;
        Instant liftedAt;
        try (Probe probe = new Probe(client)) {
            ManagedProcess.sleep(BEFORE.toMillis());
            injected = System.nanoTime();
            injectedAt = Instant.now();
            fault.inject().run();
            ManagedProcess.sleep(fault.hold().toMillis());
            lifted = System.nanoTime();
            liftedAt = Instant.now();
            fault.lift().run();
            ManagedProcess.sleep(AFTER.toMillis());
            report = load.stop();
            long since = fault.crash() ? injected : lifted;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((serviceBack = probe.secondsUntilWorkingAfter(since)) < 0 && System.nanoTime() < deadline) {
                ManagedProcess.sleep(250);
            }
        }
        long loadStopped = System.nanoTime();
        Ledger ledger = awaitReconciled(load.acknowledged(), load.published());
        return FaultOutcome.of(fault.name(), report, eventsStoredBetween(injectedAt, liftedAt), ledger,
                FeedBooks.take(load.published()), serviceBack, (System.nanoTime() - loadStopped) / 1e9);
    }

    /** Events the store took in [from, to): commands accepted while a fault lasted. */
    private static long eventsStoredBetween(Instant from, Instant to) throws Exception {
        try (Connection store = FaultDatabases.commandStore(); PreparedStatement count = store.prepareStatement(
                "SELECT count(*) FROM domainevententry WHERE timestamp >= ? AND timestamp < ?")) {
            count.setString(1, from.toString());
            count.setString(2, to.toString());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Takes the books (the feeds' too: every published record has its outcome) until they balance and the
     * store stayed the same over three looks, or the time is up.
     */
    private static Ledger awaitReconciled(List<String> acknowledged, List<String> published) throws Exception {
        long deadline = System.nanoTime() + RECONCILE_WITHIN.toNanos();
        Ledger ledger;
        long lastStored = -1;
        int quietLooks = 0;
        while (true) {
            ledger = Ledger.take(acknowledged, client.storeAgainstTopic());
            quietLooks = ledger.storedEvents() == lastStored ? quietLooks + 1 : 0;
            lastStored = ledger.storedEvents();
            if ((ledger.balanced() && quietLooks >= 2 && FeedBooks.take(published).balanced()) || System.nanoTime() > deadline) {
                return ledger;
            }
            ManagedProcess.sleep(1_000);
        }
    }

    /** Kills the instance that holds the work to take over, and restarts it after a while. */
    private Fault instanceKill(String name, List<ServiceProcess> instances, Work work) {
        ServiceProcess[] killed = new ServiceProcess[1];
        return new Fault(name + " (" + work.name() + ")", () -> {
            killed[0] = holderOf(instances, work);
            killed[0].kill();
        }, Duration.ofSeconds(FULL ? 30 : 20), () -> killed[0].start(), true);
    }

    /**
     * Stops the instance holding the work gracefully (SIGTERM): it finishes what is in flight and gives
     * its share back at once, so another instance takes over without waiting for a timeout.
     */
    private Fault instanceStop(String name, List<ServiceProcess> instances, Work work) {
        ServiceProcess[] stopped = new ServiceProcess[1];
        return new Fault(name + " (" + work.name() + ")", () -> {
            stopped[0] = holderOf(instances, work);
            stopped[0].stop();
            // Kafka may take a moment to tell; well under a session timeout, so a member that never left cannot pass.
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (work.heldBy(stopped[0]) > 0 && System.nanoTime() < deadline) {
                ManagedProcess.sleep(200);
            }
            assertThat(work.heldBy(stopped[0])).as("work still held by the stopped " + stopped[0].name()).isZero();
        }, Duration.ofSeconds(FULL ? 20 : 10), () -> stopped[0].start(), true);
    }

    private static ServiceProcess holderOf(List<ServiceProcess> instances, Work work) throws Exception {
        ServiceProcess holder = instances.get(0);
        for (ServiceProcess instance : instances) {
            if (work.heldBy(instance) > work.heldBy(holder)) {
                holder = instance;
            }
        }
        return holder;
    }

    /** How much of some work one instance of a service holds. */
    @FunctionalInterface
    private interface Holding {
        long of(ServiceProcess instance) throws Exception;
    }

    /** What one instance of a service holds that another must take over when it goes. */
    private record Work(String name, Holding holding) {
        long heldBy(ServiceProcess instance) throws Exception {
            return holding.of(instance);
        }
    }

    /** The command side's relay: a claim in the token store of the command database. */
    private static final Work RELAY_CLAIM = new Work("kafka-relay", instance -> {
        try (Connection connection = FaultDatabases.commandStore(); PreparedStatement claims = connection.prepareStatement(
                "SELECT count(*) FROM tokenentry WHERE processorname = 'kafka-relay' AND owner LIKE ?")) {
            claims.setString(1, instance.pid() + "@%");
            try (ResultSet row = claims.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    });

    /** The query side's partitions of the topic, as the consumer group assigns them. */
    private static final Work QUERY_PARTITIONS = new Work("topic partitions",
            instance -> QueryGroup.partitionsOf(instance, cluster.bootstrapServers()));

    /** Both query instances own some of the topic's partitions: they share the work. */
    private static void awaitBothQueryInstancesProcess() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<Long, Integer> owners = Map.of();
        while (System.nanoTime() < deadline) {
            owners = QueryGroup.partitionsByPid(cluster.bootstrapServers());
            if (owners.values().stream().filter(partitions -> partitions > 0).count() == 2) {
                return;
            }
            ManagedProcess.sleep(1_000);
        }
        assertThat(owners.values().stream().filter(partitions -> partitions > 0).count())
                .as("query instances owning partitions: " + owners).isEqualTo(2);
    }

    /** The first broker, killed and later restarted on its data. */
    private static final class BrokerKill {

        void kill() {
            cluster.brokers().get(0).kill();
        }

        void restart() {
            cluster.brokers().get(0).start(READY);
        }
    }
}
