package io.supplyline.command.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.inventory.StockItemId;

/** Ships what a reservation set aside. */
public record IssueStock(@TargetAggregateIdentifier StockItemId stockItemId, String reservationId) {
}
