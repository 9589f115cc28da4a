package io.supplyline.command.snapshots;

import static io.supplyline.command.ApiMother.registerProduct;
import static io.supplyline.command.ApiMother.registerWarehouse;
import static io.supplyline.command.ApiMother.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.command.EventStoreRows;
import io.supplyline.command.HeldTransaction;
import io.supplyline.command.axon.AxonConfiguration;
import io.supplyline.command.inventory.ReceiveStock;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Quantity;
import io.supplyline.events.inventory.StockItemId;

/**
 * A process batch holds the aggregate locks its commands took until its unit of work ends, after its
 * transaction has committed, and a command that arrives meanwhile waits for one of them, holding its
 * transaction open. A snapshot the batch called for must not wait for that transaction before the batch
 * lets go of its locks: on H2 (in {@link SnapshotThreadOnH2Test}), where a transaction that may append
 * takes the append turn first, the snapshot's transaction waited for the turn while the command holding
 * it waited for the batch, both until H2's lock timeout (30 s), batch after batch under load.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class SnapshotThreadTest {

    @Inject
    CommandGateway commands;

    @Inject
    AxonConfiguration axon;

    @Inject
    TransactionManager jta;

    @Inject
    EventStoreRows eventStore;

    @Inject
    SnapshotSettings snapshots;

    private static ReceiveStock receipt(StockItemId item) {
        return new ReceiveStock(item, Quantity.of(1), "snapshot-test");
    }

    @Test
    void aBatchDueForASnapshotLetsGoOfItsAggregatesWhileACommandWaitsForOne() throws Exception {
        String warehouse = unique("WH");
        StockItemId item = StockItemId.of(warehouse, unique("SKU"));
        StockItemId another = StockItemId.of(warehouse, unique("SKU"));
        registerWarehouse(warehouse);
        registerProduct(item.sku().value());
        registerProduct(another.sku().value());
        for (int i = 1; i < snapshots.stockItemThreshold(); i++) {
            commands.sendAndWait(receipt(item));
        }
        assertThat(eventStore.snapshotCount(item.aggregateId())).isZero();
        // Loaded from the store by the batch, whose event is then the one that calls for a snapshot.
        axon.forgetAggregate(item.aggregateId());

        AtomicReference<HeldTransaction> meanwhile = new AtomicReference<>();
        AtomicReference<CompletableFuture<Void>> waitingForTheItem = new AtomicReference<>();
        jta.begin();
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.onCommit(committing -> {
            commitBatchTransaction();
            // Then a transaction appends (on H2 it has the turn once that returns) and its next command
            // waits for the item, which the batch holds until its unit of work ends.
            meanwhile.set(openTransaction(another));
            waitingForTheItem.set(meanwhile.get().start(receipt(item)));
        });
        commands.sendAndWait(receipt(item));
        long begun = System.nanoTime();
        batch.commit();
        Duration committing = Duration.ofNanos(System.nanoTime() - begun);

        try (HeldTransaction held = meanwhile.get()) {
            waitingForTheItem.get().get(45, TimeUnit.SECONDS);
            held.commit();
        }
        assertThat(committing).as("the batch's commit, up to the end of its unit of work").isLessThan(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventStore.snapshotCount(item.aggregateId())).isPositive());
        assertThat(eventStore.count(item.aggregateId())).isEqualTo(snapshots.stockItemThreshold() + 1);
    }

    private void commitBatchTransaction() {
        try {
            jta.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HeldTransaction openTransaction(StockItemId item) {
        try {
            return HeldTransaction.appending(jta, commands, Duration.ofSeconds(90), receipt(item));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
