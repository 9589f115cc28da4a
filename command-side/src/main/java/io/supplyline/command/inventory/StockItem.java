package io.supplyline.command.inventory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;

import io.supplyline.command.lookup.CatalogLookup;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.ExpectedVersion;
import io.supplyline.command.rules.UnknownReference;
import io.supplyline.events.Quantity;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.ReservationReleased;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockIssued;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.inventory.StockReserved;

/**
 * The stock of one SKU in one warehouse. It comes into being with its first movement; every
 * command answers the item's new version so clients can read their own writes. Invariants: on hand
 * never below zero, reserved never above on hand, a reservation only from what is available.
 */
@Revision(StockItem.SNAPSHOT_REVISION)
public class StockItem {

    /** Bump when the fields below change: snapshots of another revision are ignored. */
    public static final String SNAPSHOT_REVISION = "1";
    /** The code of a reservation refused for want of available stock (the fulfilment process acts on it). */
    public static final String INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK";

    @AggregateIdentifier
    private StockItemId id;
    private long onHand;
    private long reserved;
    /** Open reservations by id (an order line), with the quantity each holds. */
    private final Map<String, Integer> reservations = new HashMap<>();

    protected StockItem() {
    }

    @CommandHandlerInterceptor
    void checkExpectedVersion(CommandMessage<?> command) {
        ExpectedVersion.verify(command.getMetaData(), getVersion());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long receive(ReceiveStock command, CatalogLookup catalog) {
        requireKnown(command.stockItemId(), catalog);
        apply(new StockReceived(command.stockItemId(), command.quantity(), command.reference()));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long adjust(AdjustStock command, CatalogLookup catalog) {
        requireKnown(command.stockItemId(), catalog);
        if (command.delta() == 0) {
            throw new BusinessRuleViolation("ZERO_ADJUSTMENT", "An adjustment must change the quantity");
        }
        if (onHand + command.delta() < 0) {
            throw new BusinessRuleViolation("NEGATIVE_STOCK",
                    "Adjusting by " + command.delta() + " would leave " + (onHand + command.delta()) + " on hand");
        }
        if (onHand + command.delta() < reserved) {
            throw new BusinessRuleViolation("BELOW_RESERVED", "Adjusting by " + command.delta() + " would leave "
                    + (onHand + command.delta()) + " on hand for " + reserved + " reserved");
        }
        apply(new StockAdjusted(command.stockItemId(), command.delta(), command.reason(), command.note()));
        return getVersion();
    }

    /**
     * Corrects on hand to what was counted, as a cycle-count adjustment. A count that matches the books
     * is recorded too (an adjustment of 0): it is a fact auditors ask for, and it makes a redelivered
     * count answer its first outcome instead of correcting stock that moved since.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long count(CountStock command, CatalogLookup catalog) {
        requireKnown(command.stockItemId(), catalog);
        if (command.counted() < 0) {
            throw new BusinessRuleViolation("NEGATIVE_STOCK", "A count cannot be negative: " + command.counted());
        }
        if (command.counted() < reserved) {
            throw new BusinessRuleViolation("BELOW_RESERVED", "Counted " + command.counted() + " on hand for "
                    + reserved + " reserved; release or issue reservations first");
        }
        String counted = "Counted " + command.counted() + ", " + onHand + " on record";
        apply(new StockAdjusted(command.stockItemId(), Math.toIntExact(command.counted() - onHand),
                AdjustmentReason.CYCLE_COUNT, command.note() == null ? counted : counted + ": " + command.note()));
        return getVersion();
    }

    /** A never-received item has nothing available, so reserving from it is refused like any shortage. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long reserve(ReserveStock command, CatalogLookup catalog) {
        requireKnown(command.stockItemId(), catalog);
        if (reservations.containsKey(command.reservationId())) {
            throw new BusinessRuleViolation("RESERVATION_EXISTS", "Reservation " + command.reservationId()
                    + " already holds " + reservations.get(command.reservationId()));
        }
        if (command.quantity().value() > onHand - reserved) {
            throw new BusinessRuleViolation(INSUFFICIENT_STOCK, "Only " + (onHand - reserved) + " of "
                    + command.stockItemId().sku() + " available in " + command.stockItemId().warehouse()
                    + ", " + command.quantity() + " requested");
        }
        apply(new StockReserved(command.stockItemId(), command.reservationId(), command.quantity()));
        return getVersion();
    }

    @CommandHandler
    long release(ReleaseReservation command) {
        apply(new ReservationReleased(command.stockItemId(), command.reservationId(),
                openReservation(command.reservationId())));
        return getVersion();
    }

    @CommandHandler
    long issue(IssueStock command) {
        apply(new StockIssued(command.stockItemId(), command.reservationId(), openReservation(command.reservationId())));
        return getVersion();
    }

    private Quantity openReservation(String reservationId) {
        Integer quantity = reservations.get(reservationId);
        if (quantity == null) {
            throw new BusinessRuleViolation("UNKNOWN_RESERVATION", "No open reservation " + reservationId + " on " + id);
        }
        return Quantity.of(quantity);
    }

    /** Only a new item needs the check: an existing one was created against a known product and warehouse. */
    private void requireKnown(StockItemId item, CatalogLookup catalog) {
        if (id != null) {
            return;
        }
        if (!catalog.productExists(item.sku())) {
            throw new UnknownReference("UNKNOWN_PRODUCT", "No product with SKU " + item.sku());
        }
        if (!catalog.warehouseExists(item.warehouse())) {
            throw new UnknownReference("UNKNOWN_WAREHOUSE", "No warehouse with code " + item.warehouse());
        }
    }

    @EventSourcingHandler
    void on(StockReceived event) {
        id = event.stockItemId();
        onHand += event.quantity().value();
    }

    @EventSourcingHandler
    void on(StockAdjusted event) {
        id = event.stockItemId();
        onHand += event.delta();
    }

    @EventSourcingHandler
    void on(StockReserved event) {
        id = event.stockItemId();
        reserved += event.quantity().value();
        reservations.put(event.reservationId(), event.quantity().value());
    }

    @EventSourcingHandler
    void on(ReservationReleased event) {
        reserved -= event.quantity().value();
        reservations.remove(event.reservationId());
    }

    @EventSourcingHandler
    void on(StockIssued event) {
        onHand -= event.quantity().value();
        reserved -= event.quantity().value();
        reservations.remove(event.reservationId());
    }
}
