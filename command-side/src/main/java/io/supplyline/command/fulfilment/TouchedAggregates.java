package io.supplyline.command.fulfilment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.supplyline.events.fulfilment.OrderCancelled;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelivered;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentId;

/** The aggregates a fulfilment batch locks before its first event, so that it never waits for one midway. */
final class TouchedAggregates {

    private TouchedAggregates() {
    }

    /**
     * Every aggregate the processes may send commands to while handling these events, event by event:
     * a placed order reserves its items and allocates or backorders itself; stock for an item retries
     * the orders waiting for it (their items, then the order); a dispatch ships the order, issues its
     * items or voids the shipment; a cancellation releases the items and voids the shipment (created,
     * perhaps, earlier in the same batch); a delivery delivers the order.
     */
    static Set<String> of(List<?> events, Map<String, OrderFulfilment> processes) {
        Set<String> aggregateIds = new HashSet<>();
        Map<SalesOrderId, ShipmentId> createdInBatch = new HashMap<>();
        for (Object event : events) {
            if (event instanceof OrderPlaced placed) {
                aggregateIds.add(placed.orderId().aggregateId());
                placed.lines().forEach(line -> aggregateIds.add(new StockItemId(placed.warehouse(), line.sku()).aggregateId()));
            } else if (event instanceof ShipmentCreated created) {
                createdInBatch.put(created.orderId(), created.shipmentId());
            } else if (event instanceof ShipmentDispatched dispatched) {
                aggregateIds.add(dispatched.orderId().aggregateId());
                aggregateIds.add(dispatched.shipmentId().aggregateId());
                ifStored(processes, dispatched.orderId(), process -> aggregateIds.addAll(process.items()));
            } else if (event instanceof ShipmentDelivered delivered) {
                aggregateIds.add(delivered.orderId().aggregateId());
            } else if (event instanceof OrderCancelled cancelled) {
                ifStored(processes, cancelled.orderId(), process -> {
                    aggregateIds.addAll(process.items());
                    process.shipment().ifPresent(aggregateIds::add);
                });
                if (createdInBatch.containsKey(cancelled.orderId())) {
                    aggregateIds.add(createdInBatch.get(cancelled.orderId()).aggregateId());
                }
            } else {
                FulfilmentBatch.concerns(event, orderId -> { }, stockItemId -> processes.values().stream()
                        .filter(process -> process.waitsFor(stockItemId))
                        .forEach(process -> {
                            aggregateIds.add(process.orderId().aggregateId());
                            aggregateIds.addAll(process.items());
                        }));
            }
        }
        return aggregateIds;
    }

    private static void ifStored(Map<String, OrderFulfilment> processes, SalesOrderId orderId,
                                 Consumer<OrderFulfilment> action) {
        OrderFulfilment process = processes.get(orderId.toString());
        if (process != null) {
            action.accept(process);
        }
    }
}
