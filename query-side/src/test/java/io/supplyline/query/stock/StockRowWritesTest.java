package io.supplyline.query.stock;

import static io.supplyline.query.projection.HandlerCalls.inNewTransaction;
import static io.supplyline.query.projection.HandlerCalls.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.query.projection.ProjectionRows;
import io.supplyline.query.projection.Replay;

/**
 * How the projection engine writes rows (in memory during a transaction, then in sets), seen on stock
 * levels in PostgreSQL: a row another writer changed meanwhile is not overwritten, hundreds of changed
 * rows land in one write, and a replay never carries changes its database rolled back.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class StockRowWritesTest {

    @Inject
    ProjectionRows rows;

    private static StockItemId item() {
        return StockItemId.of("WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "BOLT");
    }

    @Test
    void aRowAnotherWriterChangedMeanwhileIsNotOverwritten() {
        StockItemId item = item();
        inNewTransaction(() -> rows.add(StockLevel.startTracking(item, 5)));

        assertThatThrownBy(() -> inNewTransaction(() -> {
            rows.find(StockLevel.class, item.aggregateId()).changeOnHand(10);
            // Another instance applies an event of another partition to the same row and commits first.
            QuarkusTransaction.requiringNew().run(() -> StockLevel.update(
                    "onHand = 99, rowVersion = rowVersion + 1 where id = ?1", item.aggregateId()));
            writeNow();
        })).isInstanceOf(OptimisticLockException.class);

        assertThat(read(() -> StockLevel.<StockLevel>findById(item.aggregateId()).onHand)).isEqualTo(99);
    }

    @Test
    void hundredsOfChangedRowsLandInOneWrite() {
        List<StockItemId> items = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            items.add(item());
        }
        inNewTransaction(() -> items.forEach(item -> rows.add(StockLevel.startTracking(item, 5))));
        inNewTransaction(() -> {
            for (int i = 0; i < items.size(); i++) {
                rows.find(StockLevel.class, items.get(i).aggregateId()).changeOnHand(i + 1);
            }
        });

        List<String> ids = items.stream().map(StockItemId::aggregateId).toList();
        List<StockLevel> stored = read(() -> StockLevel.<StockLevel>list("id in ?1", ids));
        assertThat(stored).hasSize(items.size());
        assertThat(stored).allSatisfy(level -> {
            long expected = ids.indexOf(level.id) + 1;
            assertThat(level.onHand).isEqualTo(expected);
            assertThat(level.available).isEqualTo(expected);
            assertThat(level.rowVersion).as("one update each").isEqualTo(1);
        });
    }

    @Test
    void aReplayForgetsTheChangesOfATransactionThatRolledBack() throws Exception {
        StockItemId item = item();
        Replay.during(() -> {
            inNewTransaction(() -> rows.add(StockLevel.startTracking(item, 5)));
            assertThatThrownBy(() -> inNewTransaction(() -> {
                rows.find(StockLevel.class, item.aggregateId()).changeOnHand(7);
                throw new IllegalStateException("the database refused the batch");
            })).hasMessageContaining("refused");

            assertThat(read(() -> rows.find(StockLevel.class, item.aggregateId()).onHand)).isZero();
            return null;
        });
    }

    @Test
    void aReplayInMemoryWritesItsRowsOnlyWhenToldTo() throws Exception {
        StockItemId item = item();
        Replay.inMemory(1.0, () -> {
            inNewTransaction(() -> rows.add(StockLevel.startTracking(item, 5)));
            inNewTransaction(() -> rows.find(StockLevel.class, item.aggregateId()).changeOnHand(7));
            assertThat(read(() -> StockLevel.<StockLevel>findById(item.aggregateId()))).isNull();

            inNewTransaction(this::writeOut);
            return null;
        });
        StockLevel stored = read(() -> StockLevel.<StockLevel>findById(item.aggregateId()));
        assertThat(stored.onHand).isEqualTo(7);
        assertThat(stored.rowVersion).as("inserted once, never updated").isZero();
    }

    @Test
    void aReplayInMemoryWithoutRoomOnTheHeapWritesEveryTransactionAndReadsItsRowsAgain() throws Exception {
        StockItemId item = item();
        Replay.inMemory(0.0, () -> {
            inNewTransaction(() -> rows.add(StockLevel.startTracking(item, 5)));
            assertThat(read(() -> StockLevel.<StockLevel>findById(item.aggregateId()).onHand)).isZero();

            inNewTransaction(() -> rows.find(StockLevel.class, item.aggregateId()).changeOnHand(7));
            assertThat(read(() -> StockLevel.<StockLevel>findById(item.aggregateId()).onHand)).isEqualTo(7);
            return null;
        });
    }

    private void writeOut() {
        try {
            rows.writeOut();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeNow() {
        try {
            rows.write();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
