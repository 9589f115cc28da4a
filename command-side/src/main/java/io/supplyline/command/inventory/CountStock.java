package io.supplyline.command.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.inventory.StockItemId;

/** A physical count: on hand becomes {@code counted}, whatever the books said. */
public record CountStock(@TargetAggregateIdentifier StockItemId stockItemId, int counted, String note) {
}
