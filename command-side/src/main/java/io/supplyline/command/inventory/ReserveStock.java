package io.supplyline.command.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.Quantity;
import io.supplyline.events.inventory.StockItemId;

public record ReserveStock(@TargetAggregateIdentifier StockItemId stockItemId, String reservationId, Quantity quantity) {
}
