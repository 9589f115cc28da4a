package io.supplyline.command.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.StockItemId;

public record AdjustStock(@TargetAggregateIdentifier StockItemId stockItemId, int delta, AdjustmentReason reason,
                          String note) {
}
