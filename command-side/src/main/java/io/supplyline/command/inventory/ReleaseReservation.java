package io.supplyline.command.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.inventory.StockItemId;

public record ReleaseReservation(@TargetAggregateIdentifier StockItemId stockItemId, String reservationId) {
}
