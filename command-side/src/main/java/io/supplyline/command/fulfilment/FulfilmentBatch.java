package io.supplyline.command.fulfilment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.supplyline.command.serialization.StateSerializer;
import io.supplyline.events.fulfilment.OrderCancelled;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.inventory.ReservationReleased;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelivered;
import io.supplyline.events.shipping.ShipmentDispatched;

/**
 * The fulfilment processes one batch of events concerns, read with one query before the batch's first
 * event and written, if changed, when it commits. Only the processor's one thread changes processes, so
 * within a batch memory is the truth: a process started or backordered earlier in the batch is found
 * by later events of the same batch.
 */
final class FulfilmentBatch {

    /** Open processes by order id (the UUID), those of the database first, in a stable order. */
    private final Map<String, OrderFulfilment> processes = new LinkedHashMap<>();
    /** The stored processes' fields as read: which rows exist, and which ones a batch really changed. */
    private final Map<String, byte[]> stored;
    /** The items each stored process waited for when read: the wait rows. */
    private final Map<String, Set<String>> storedWaits = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    /** @param stored the processes' rows as read: order id (the UUID) to its fields as JSON */
    FulfilmentBatch(Map<String, byte[]> stored) {
        this.stored = stored;
        stored.forEach((orderId, state) -> {
            OrderFulfilment process = StateSerializer.read(state, OrderFulfilment.class);
            processes.put(orderId, process);
            storedWaits.put(orderId, process.waitsFor());
        });
    }

    /** The order's open process, or null. */
    OrderFulfilment find(SalesOrderId orderId) {
        OrderFulfilment process = processes.get(orderId.toString());
        return process == null || process.hasEnded() ? null : process;
    }

    private void started(OrderFulfilment process) {
        String orderId = process.orderId().toString();
        processes.put(orderId, process);
        changed.add(orderId);
    }

    /**
     * What an event concerns: the order whose process it goes to, or the stock item whose waiting
     * processes it goes to (stock that became available).
     */
    static void concerns(Object event, Consumer<String> orderId, Consumer<String> stockItemId) {
        if (event instanceof OrderPlaced placed) {
            orderId.accept(placed.orderId().toString());
        } else if (event instanceof ShipmentCreated created) {
            orderId.accept(created.orderId().toString());
        } else if (event instanceof ShipmentDispatched dispatched) {
            orderId.accept(dispatched.orderId().toString());
        } else if (event instanceof ShipmentDelivered delivered) {
            orderId.accept(delivered.orderId().toString());
        } else if (event instanceof OrderCancelled cancelled) {
            orderId.accept(cancelled.orderId().toString());
        } else if (event instanceof StockReceived received) {
            stockItemId.accept(received.stockItemId().aggregateId());
        } else if (event instanceof StockAdjusted adjusted && adjusted.delta() > 0) {
            stockItemId.accept(adjusted.stockItemId().aggregateId());
        } else if (event instanceof ReservationReleased released) {
            stockItemId.accept(released.stockItemId().aggregateId());
        }
    }

    /** Lets the processes an event concerns handle it; a new order starts its process. */
    void handle(Object event, FulfilmentSteps steps) {
        if (event instanceof OrderPlaced placed) {
            if (find(placed.orderId()) == null) {
                started(OrderFulfilment.start(placed, steps));
            }
        } else if (event instanceof ShipmentCreated created) {
            update(created.orderId(), process -> process.on(created));
        } else if (event instanceof ShipmentDispatched dispatched) {
            update(dispatched.orderId(), process -> process.on(dispatched, steps));
        } else if (event instanceof ShipmentDelivered delivered) {
            update(delivered.orderId(), process -> process.on(delivered, steps));
        } else if (event instanceof OrderCancelled cancelled) {
            update(cancelled.orderId(), process -> process.on(cancelled, steps));
        } else if (event instanceof StockReceived received) {
            updateWaiting(received.stockItemId().aggregateId(), steps, (process, retry) -> process.on(received, retry));
        } else if (event instanceof StockAdjusted adjusted && adjusted.delta() > 0) {
            updateWaiting(adjusted.stockItemId().aggregateId(), steps, (process, retry) -> process.on(adjusted, retry));
        } else if (event instanceof ReservationReleased released) {
            updateWaiting(released.stockItemId().aggregateId(), steps, (process, retry) -> process.on(released, retry));
        }
    }

    /** Lets the order's process, if it is open, handle an event. */
    private void update(SalesOrderId orderId, Consumer<OrderFulfilment> step) {
        OrderFulfilment process = find(orderId);
        if (process != null) {
            step.accept(process);
            changed.add(orderId.toString());
        }
    }

    /** Lets every process waiting for the stock item handle an event, in a stable order. */
    private void updateWaiting(String stockItemId, FulfilmentSteps steps, BiConsumer<OrderFulfilment, FulfilmentSteps> step) {
        List<OrderFulfilment> waiting = processes.values().stream()
                .filter(process -> process.waitsFor(stockItemId)).toList();
        FulfilmentSteps remembering = new KnownShortages(steps);
        for (OrderFulfilment process : waiting) {
            step.accept(process, remembering);
            changed.add(process.orderId().toString());
        }
    }

    /** Every aggregate the processes may send commands to while handling these events ({@link TouchedAggregates}). */
    Set<String> aggregatesTouched(List<?> events) {
        return TouchedAggregates.of(events, processes);
    }

    /** The rows to write: changed processes inserted or updated, ended ones deleted, waits as they now are. */
    OrderProcessStore.Changes changes() {
        var changes = new OrderProcessStore.Changes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        for (String orderId : changed) {
            OrderFulfilment process = processes.get(orderId);
            byte[] storedState = stored.get(orderId);
            Set<String> waitedFor = storedWaits.getOrDefault(orderId, Set.of());
            Set<String> waits = process.waitsFor();
            waitedFor.stream().filter(item -> !waits.contains(item))
                    .forEach(item -> changes.waitsRemoved().add(new String[] {item, orderId}));
            waits.stream().filter(item -> !waitedFor.contains(item))
                    .forEach(item -> changes.waitsAdded().add(new String[] {item, orderId}));
            if (process.hasEnded()) {
                if (storedState != null) {
                    changes.deleted().add(orderId);
                }
                continue;
            }
            byte[] state = StateSerializer.write(process);
            if (storedState == null) {
                changes.inserted().add(new OrderProcessStore.Row(orderId, state));
            } else if (!Arrays.equals(state, storedState)) {
                // A retry that fell short again leaves the process as it was: nothing to write.
                changes.updated().add(new OrderProcessStore.Row(orderId, state));
            }
        }
        return changes;
    }
}
