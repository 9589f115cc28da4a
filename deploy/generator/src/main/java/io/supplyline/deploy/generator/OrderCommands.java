package io.supplyline.deploy.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import io.supplyline.events.KeyedIds;

/** Customers' orders (now and then too large for the stock, so backordered), their shipments and cancellations. */
final class OrderCommands {

    private static final String[] CARRIERS = {"DHL", "DPD", "UPS", "GLS", "Hermes"};

    private final DayContext day;

    OrderCommands(DayContext day) {
        this.day = day;
    }

    boolean placeOrder(Random random) {
        String warehouse = day.world.any(day.world.warehouses, random);
        boolean bulk = random.nextInt(10) == 0;
        List<Map<String, Object>> lines = day.world.distinctSkus(random, 1 + random.nextInt(3), false).stream()
                .map(sku -> Map.<String, Object>of("sku", sku,
                        "quantity", bulk ? 150 + random.nextInt(300) : 1 + random.nextInt(10)))
                .toList();
        Map<String, Object> order = Map.of("customer", "Customer " + (1 + random.nextInt(200)),
                "warehouse", warehouse, "requestedDeliveryDate", day.pacing.today().plusDays(2 + random.nextInt(5)),
                "lines", lines);
        if (day.feeds != null && random.nextBoolean()) {
            String recordId = day.recordId();
            day.feeds.publish(InboundFeeds.ORDERS, recordId, recordId, order);
            day.world.placed(new World.Order(KeyedIds.newAggregateId("feed:" + InboundFeeds.ORDERS, recordId).toString(), 0));
            return true;
        }
        Answer answer = day.api.post("PlaceOrder", "/orders", order);
        if (answer.accepted()) {
            day.world.placed(new World.Order(answer.uuid(), 0));
        }
        return true;
    }

    boolean createShipment(Random random) {
        Optional<World.Order> next = day.world.nextOrderToShip();
        next.ifPresent(order -> {
            LocalDate promised = day.pacing.today().plusDays(1 + random.nextInt(4));
            String carrier = CARRIERS[random.nextInt(CARRIERS.length)];
            String trackingNumber = "TRK" + (100_000_000 + random.nextInt(900_000_000));
            Answer answer = day.api.post("CreateShipment", "/shipments", Map.of("orderId", order.uuid(),
                    "carrier", carrier, "trackingNumber", trackingNumber, "promisedDeliveryDate", promised));
            if (answer.accepted()) {
                day.world.shipmentCreated(new World.Shipment(answer.uuid(), carrier, trackingNumber, promised, null));
            } else if ("ORDER_NOT_ALLOCATED".equals(answer.code()) || "UNKNOWN_ORDER".equals(answer.code())) {
                // Not allocated yet, or (sent through the orders feed) not placed yet.
                day.world.notYetShippable(order);
            }
        });
        return next.isPresent();
    }

    boolean cancelOrder(Random random) {
        Optional<String> next = day.world.anyCancellableOrder(random);
        next.ifPresent(uuid -> {
            if (day.api.post("CancelOrder", "/orders/" + uuid + "/cancellation", Map.of("reason", "customer request"))
                    .accepted()) {
                day.world.orderCancelled(uuid);
            }
        });
        return next.isPresent();
    }
}
