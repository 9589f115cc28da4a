package io.supplyline.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.supplyline.deploy.cluster.ManagedProcess;

/**
 * A command whose transaction stalls after it has appended its event, the way a lock wait, a GC
 * pause or a slow disk stalls one: another session holds the row of {@code known_supplier} that the
 * command's lookup update needs, so the service's transaction waits at commit with its event row
 * inserted (its global index taken) while the load appends thousands after it. When the fault is
 * lifted the session lets go, the command commits, and its event must still reach the topic and the
 * read models.
 */
final class LateCommit {

    private final ClusterClient client;
    private String supplier;
    private Connection lockHolder;
    private CompletableFuture<Optional<Integer>> answer;

    LateCommit(ClusterClient client) {
        this.client = client;
    }

    void inject() throws Exception {
        supplier = "LATE-" + System.currentTimeMillis();
        assertThat(client.post("/suppliers", "{\"code\":\"" + supplier + "\",\"name\":\"Late Ltd\",\"leadTimeDays\":4}",
                Duration.ofSeconds(20))).as("supplier registered").hasValue(201);
        lockHolder = FaultDatabases.commandStore();
        lockHolder.setAutoCommit(false);
        try (PreparedStatement lock = lockHolder.prepareStatement("SELECT code FROM known_supplier WHERE code = ? FOR UPDATE")) {
            lock.setString(1, supplier);
            lock.executeQuery().close();
        }
        answer = CompletableFuture.supplyAsync(() -> client.post("/suppliers/" + supplier + "/suspension",
                "{\"reason\":\"late commit\"}", Duration.ofMinutes(5)));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!commandWaitsForTheLock()) {
            assertThat(System.nanoTime()).as("the suspension's transaction waits for the lock").isLessThan(deadline);
            ManagedProcess.sleep(100);
        }
    }

    void lift() throws Exception {
        lockHolder.commit();
        lockHolder.close();
        assertThat(answer.get(60, TimeUnit.SECONDS)).as("the late command's answer").hasValue(200);
    }

    /** A transaction of the service waits on the held row, having taken a transaction id: it wrote already. */
    private boolean commandWaitsForTheLock() throws Exception {
        try (Connection store = FaultDatabases.commandStore(); PreparedStatement waiting = store.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
                        + " AND backend_xid IS NOT NULL AND query ILIKE '%known_supplier%'");
             ResultSet row = waiting.executeQuery()) {
            row.next();
            return row.getLong(1) > 0;
        }
    }
}
