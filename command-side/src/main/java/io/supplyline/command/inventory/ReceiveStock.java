package io.supplyline.command.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.Quantity;
import io.supplyline.events.inventory.StockItemId;

public record ReceiveStock(@TargetAggregateIdentifier StockItemId stockItemId, Quantity quantity, String reference) {
}
