package io.supplyline.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.supplyline.events.axon.EventSerializer;

/**
 * The embedded database (H2, the local default) with the migrations it runs there: an append waits
 * for the transaction before it to end, so no global index is taken while an earlier one is still
 * uncommitted, and global-index order is commit order.
 */
class SerialAppendStorageEngineTest {

    private static final String URL = "jdbc:h2:mem:serial-appends;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

    private final Serializer serializer = EventSerializer.create();
    private Connection keepAlive;
    private SerialAppendStorageEngine engine;

    @BeforeEach
    void migrate() throws Exception {
        keepAlive = DriverManager.getConnection(URL, "sa", "");
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration", "classpath:db/h2")
                .cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration", "classpath:db/h2").load().migrate();
        engine = new SerialAppendStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(() -> DriverManager.getConnection(URL, "sa", ""))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .dataType(byte[].class), id -> false);
    }

    /** Until H2 reports a session waiting for another's lock: the signal that the second transaction waits. */
    private void awaitABlockedSession() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Statement query = keepAlive.createStatement();
                 ResultSet row = query.executeQuery("SELECT count(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL")) {
                row.next();
                return row.getInt(1) > 0;
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        keepAlive.close();
    }

    @Test
    void aSecondAppendWaitsUntilTheFirstTransactionHasEnded() throws Exception {
        try (Connection first = transaction(); Connection second = transaction()) {
            append(first, "stock:W:A");
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> append(second, "stock:W:B"));

            awaitABlockedSession();
            assertThat(waiting).as("the second append, while the first is uncommitted").isNotDone();
            assertThat(globalIndexes(keepAlive)).as("visible meanwhile").isEmpty();

            first.commit();
            waiting.get(10, TimeUnit.SECONDS);
            second.commit();
        }
        assertThat(globalIndexes(keepAlive)).extracting(row -> row.get(1)).containsExactly("stock:W:A", "stock:W:B");
    }

    @Test
    void anAppendWaitingForOneThatRollsBackGoesOnAfterIt() throws Exception {
        try (Connection rolledBack = transaction(); Connection next = transaction()) {
            append(rolledBack, "stock:W:GONE");
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> append(next, "stock:W:NEXT"));
            rolledBack.rollback();
            waiting.get(10, TimeUnit.SECONDS);
            next.commit();
        }
        assertThat(globalIndexes(keepAlive)).extracting(row -> row.get(1)).containsExactly("stock:W:NEXT");
    }

    /**
     * A command may lock a lookup row before it appends, while a process batch that appended already
     * goes on to update that row: taking the turn only at the append, each would wait for the other.
     * Begun through {@link AppendTurnFirst}, the second transaction waits for the turn before it
     * locks anything, and both commit.
     */
    @Test
    void aTransactionThatMayAppendTakesTheTurnBeforeAnyOtherLock() throws Exception {
        try (Statement setup = keepAlive.createStatement()) {
            setup.execute("CREATE TABLE lookup_row (id INT PRIMARY KEY, status VARCHAR(20))");
            setup.execute("INSERT INTO lookup_row VALUES (1, 'new')");
        }
        ConnectionProvider connections = new UnitOfWorkAwareConnectionProviderWrapper(SerialAppendStorageEngineTest::transaction);
        AppendTurnFirst turnFirst = new AppendTurnFirst(NoTransactionManager.INSTANCE, connections);
        CountDownLatch firstHasBegun = new CountDownLatch(1);
        CountDownLatch firstGoesOn = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> inTransaction(turnFirst, connections, connection -> {
            firstHasBegun.countDown();
            assertThat(firstGoesOn.await(10, TimeUnit.SECONDS)).isTrue();
            append(connection, "stock:W:A");
            updateLookupRow(connection, "first");
        }));
        assertThat(firstHasBegun.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> inTransaction(turnFirst, connections, connection -> {
            updateLookupRow(connection, "second");
            append(connection, "stock:W:B");
        }));

        awaitABlockedSession();
        assertThat(second).as("the second transaction, while the first holds the turn").isNotDone();
        firstGoesOn.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);

        assertThat(globalIndexes(keepAlive)).extracting(row -> row.get(1)).containsExactly("stock:W:A", "stock:W:B");
        try (Statement query = keepAlive.createStatement(); ResultSet row = query.executeQuery("SELECT status FROM lookup_row")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("second");
        }
    }

    private interface TransactionWork {
        void run(Connection connection) throws Exception;
    }

    /** A unit of work whose transaction begins through {@code transactions}, on the connection it holds until it ends. */
    private static void inTransaction(TransactionManager transactions, ConnectionProvider connections, TransactionWork work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            transactions.startTransaction();
            work.run(connections.getConnection());
            unitOfWork.commit();
        } catch (Exception e) {
            unitOfWork.rollback(e);
            throw new IllegalStateException(e);
        }
    }

    private static void updateLookupRow(Connection connection, String status) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE lookup_row SET status = ? WHERE id = 1")) {
            update.setString(1, status);
            update.executeUpdate();
        }
    }

    private static Connection transaction() throws SQLException {
        Connection connection = DriverManager.getConnection(URL, "sa", "");
        connection.setAutoCommit(false);
        return connection;
    }

    private void append(Connection connection, String aggregateId) {
        try (PreparedStatement insert = engine.appendEvents(connection,
                List.of(new GenericDomainEventMessage<>("StockItem", aggregateId, 0, "received")), serializer)) {
            insert.executeBatch();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each stored event's global index and aggregate, in global-index order. */
    private static List<List<Object>> globalIndexes(Connection connection) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT globalindex, aggregateidentifier FROM domainevententry ORDER BY globalindex");
             ResultSet rows = query.executeQuery()) {
            List<List<Object>> found = new ArrayList<>();
            while (rows.next()) {
                found.add(List.of(rows.getLong(1), rows.getString(2)));
            }
            return found;
        }
    }
}
