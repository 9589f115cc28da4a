package io.supplyline.command.aggregates;

import static io.supplyline.command.ApiMother.registerProduct;
import static io.supplyline.command.ApiMother.registerWarehouse;
import static io.supplyline.command.ApiMother.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.command.axon.AxonConfiguration;
import io.supplyline.command.inventory.AdjustStock;
import io.supplyline.command.inventory.ReceiveStock;
import io.supplyline.command.inventory.ReserveStock;
import io.supplyline.command.inventory.StockItem;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Quantity;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockItemId;

/**
 * Aggregates kept between commands are used only as the store has them: another instance's events are
 * read before a kept aggregate decides, and one that applied events in a command that rolled back is dropped.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class AggregateCacheTest {

    @Inject
    AxonConfiguration axon;
    @Inject
    CommandGateway commands;

    /** A stock item with {@code onHand} received (event 0), kept in memory at version 0. */
    private StockItemId stocked(int onHand) {
        StockItemId item = StockItemId.of(unique("WH"), unique("SKU"));
        registerWarehouse(item.warehouse().value());
        registerProduct(item.sku().value());
        commands.sendAndWait(new ReceiveStock(item, Quantity.of(onHand), "delivery-1"));
        assertThat(cache().versionOf(item.aggregateId())).hasValue(0);
        return item;
    }

    private AggregateCache cache() {
        return axon.aggregateCache();
    }

    @Test
    void aKeptAggregateIsUsedAgainWhileTheStoreHasNothingNewer() {
        StockItemId item = stocked(10);
        long hits = cache().hits.sum();

        commands.sendAndWait(new AdjustStock(item, -1, AdjustmentReason.LOSS, "broken"));

        assertThat(cache().hits.sum()).isGreaterThan(hits);
        assertThat(cache().versionOf(item.aggregateId())).hasValue(1);
    }

    @Test
    void eventsAnotherInstanceAppendedAreReadBeforeAKeptAggregateDecides() {
        StockItemId item = stocked(10);
        // Another instance takes 8 off: the event is in the store, not in what this instance kept.
        QuarkusTransaction.requiringNew().run(() -> axon.eventStore().publish(new GenericDomainEventMessage<>(
                "StockItem", item.aggregateId(), 1, new StockAdjusted(item, -8, AdjustmentReason.LOSS, "elsewhere"))));
        long refreshed = cache().refreshed.sum();

        assertThatThrownBy(() -> commands.sendAndWait(new ReserveStock(item, "order-1/1", Quantity.of(5))))
                .hasMessageContaining("Only 2 of");

        assertThat(cache().refreshed.sum()).isGreaterThan(refreshed);
        assertThat(cache().versionOf(item.aggregateId())).as("refused, so kept as the store has it").hasValue(1);
        commands.sendAndWait(new ReserveStock(item, "order-1/1", Quantity.of(2)));
        assertThat(cache().versionOf(item.aggregateId())).hasValue(2);
    }

    @Test
    void anAggregateThatAppliedEventsInACommandThatRolledBackIsDropped() {
        StockItemId item = stocked(10);

        runAndRollBack(new AdjustStock(item, -11, AdjustmentReason.LOSS, "too many"), item);
        assertThat(cache().versionOf(item.aggregateId())).as("refused without an event: kept").hasValue(0);

        runAndRollBack(new AdjustStock(item, -4, AdjustmentReason.LOSS, "rolled back"), item);
        assertThat(cache().versionOf(item.aggregateId())).as("its state holds an event the store does not").isEmpty();

        // Loaded from the store again: all 10 are there, none of the rolled-back 4 is taken off.
        commands.sendAndWait(new AdjustStock(item, -10, AdjustmentReason.LOSS, "all of it"));
        assertThat(cache().versionOf(item.aggregateId())).hasValue(1);
    }

    /** Handles the command on the aggregate in a unit of work that then rolls back, whatever the handler did. */
    private void runAndRollBack(Object command, StockItemId item) {
        QuarkusTransaction.requiringNew().run(() -> {
            DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command));
            try {
                Aggregate<StockItem> aggregate = axon.repository(StockItem.class).load(item.aggregateId());
                aggregate.handle(unit.getMessage());
            } catch (Exception refused) {
                // A refusal rolls back like any other failure.
            }
            unit.rollback();
        });
    }
}
