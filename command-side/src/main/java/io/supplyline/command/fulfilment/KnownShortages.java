package io.supplyline.command.fulfilment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.supplyline.command.inventory.ReleaseReservation;
import io.supplyline.command.inventory.ReserveStock;
import io.supplyline.command.inventory.StockItem;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.CommandRejected;
import io.supplyline.events.inventory.StockItemId;

/**
 * The steps of the processes retried by one stock event, remembering what the stock items refused: an
 * item that could not reserve q units cannot reserve q or more either, so such a reservation is refused
 * without sending it. That holds while the item's available stock does not rise: the batch holds the
 * item's lock, so no one else changes it, and a retry only releases what it reserved in the same step
 * (back to where the stock was); any other release of the item forgets what it refused. Stock arriving
 * for an item many orders wait for otherwise sent one futile reservation per waiting order.
 */
final class KnownShortages implements FulfilmentSteps {

    private final FulfilmentSteps steps;
    private final Map<StockItemId, Integer> refusedAt = new HashMap<>();
    private final Set<String> reservedHere = new HashSet<>();

    KnownShortages(FulfilmentSteps steps) {
        this.steps = steps;
    }

    @Override
    public void send(Object command) {
        if (command instanceof ReserveStock reserve) {
            reserve(reserve);
            return;
        }
        if (command instanceof ReleaseReservation release && !reservedHere.contains(release.reservationId())) {
            refusedAt.remove(release.stockItemId());
        }
        steps.send(command);
    }

    private void reserve(ReserveStock reserve) {
        int quantity = reserve.quantity().value();
        Integer refused = refusedAt.get(reserve.stockItemId());
        if (refused != null && quantity >= refused) {
            throw new BusinessRuleViolation(StockItem.INSUFFICIENT_STOCK, "Fewer than " + refused + " of " + reserve.stockItemId()
                    + " available, " + reserve.quantity() + " requested");
        }
        try {
            steps.send(reserve);
        } catch (CommandRejected refusal) {
            if (StockItem.INSUFFICIENT_STOCK.equals(refusal.code())) {
                refusedAt.merge(reserve.stockItemId(), quantity, Math::min);
            }
            throw refusal;
        }
        reservedHere.add(reserve.reservationId());
    }
}
