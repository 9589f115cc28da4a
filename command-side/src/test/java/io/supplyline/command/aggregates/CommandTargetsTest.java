package io.supplyline.command.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

import io.supplyline.command.fulfilment.CancelOrder;
import io.supplyline.command.inventory.ReserveStock;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.warehouse.WarehouseCode;

/** Commands resolve to the same target as with Axon's own annotation resolver. */
class CommandTargetsTest {

    record ByField(@TargetAggregateIdentifier String id, @TargetAggregateVersion int version) {
    }

    record Untargeted(String id) {
    }

    private final CommandTargets targets = new CommandTargets();
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    @Test
    void resolvesAsAxonDoes() {
        List<Object> commands = List.of(
                new ReserveStock(new StockItemId(new WarehouseCode("BER-1"), new Sku("BOLT")), "r-1", Quantity.of(2)),
                new CancelOrder(SalesOrderId.random(), "changed plans"),
                new ByField("product:X", 7));
        for (Object command : commands) {
            var message = GenericCommandMessage.asCommandMessage(command);
            assertThat(targets.resolveTarget(message)).isEqualTo(axon.resolveTarget(message));
            // The second time comes from what the first found.
            assertThat(targets.resolveTarget(message)).isEqualTo(axon.resolveTarget(message));
        }
        assertThat(targets.resolveTarget(GenericCommandMessage.asCommandMessage(new ByField("product:X", 7))).getVersion()).isEqualTo(7L);
    }

    @Test
    void aCommandWithoutTargetIsRefused() {
        assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage(new Untargeted("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@TargetAggregateIdentifier");
    }
}
