package io.supplyline.deploy.generator;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Purchase orders to suppliers, the goods received on them (in parts, now and then too many) and cancellations. */
final class PurchasingCommands {

    private final DayContext day;

    PurchasingCommands(DayContext day) {
        this.day = day;
    }

    boolean placePurchaseOrder(Random random) {
        World world = day.world;
        String supplier = world.any(world.suppliers, random);
        String warehouse = world.any(world.warehouses, random);
        Map<String, Integer> lines = new LinkedHashMap<>();
        world.distinctSkus(random, 1 + random.nextInt(5), random.nextInt(20) != 0)
                .forEach(sku -> lines.put(sku, 50 + random.nextInt(250)));
        if (lines.isEmpty()) {
            return false;
        }
        List<Map<String, Object>> body = lines.entrySet().stream()
                .map(line -> Map.<String, Object>of("sku", line.getKey(), "quantity", line.getValue(),
                        "unitPrice", Map.of("amount", BigDecimal.valueOf(50 + random.nextInt(5000), 2), "currency", "EUR")))
                .toList();
        Answer answer = day.api.post("PlacePurchaseOrder", "/purchase-orders", Map.of("supplier", supplier,
                "warehouse", warehouse, "expectedDeliveryDate", day.pacing.today().plusDays(2 + random.nextInt(8)),
                "lines", body));
        if (answer.accepted()) {
            world.placed(new World.PurchaseOrder(answer.uuid(), warehouse, List.copyOf(lines.keySet()), new HashMap<>(lines)));
        }
        return true;
    }

    /** Mostly part of what is still open; now and then more than was ordered, which is refused. */
    boolean receiveGoods(Random random) {
        Optional<World.PurchaseOrder> next = day.world.anyOpenPurchaseOrder(random);
        if (next.isEmpty()) {
            return false;
        }
        World.PurchaseOrder order = next.get();
        Map<String, Integer> received = new LinkedHashMap<>();
        synchronized (day.world) {
            order.open().forEach((sku, left) -> {
                if (random.nextInt(3) > 0) {
                    received.put(sku, random.nextInt(25) == 0 ? left + 10 : Math.max(1, left * (50 + random.nextInt(51)) / 100));
                }
            });
        }
        if (received.isEmpty()) {
            return false;
        }
        if (day.feeds != null) {
            scanIn(order, received);
            return true;
        }
        List<Map<String, Object>> lines = received.entrySet().stream()
                .map(line -> Map.<String, Object>of("sku", line.getKey(), "quantity", line.getValue()))
                .toList();
        if (day.api.post("ReceiveGoods", "/purchase-orders/" + order.uuid() + "/receipts", Map.of("lines", lines))
                .accepted()) {
            day.world.received(order, received);
        }
        return true;
    }

    boolean cancelPurchaseOrder(Random random) {
        Optional<World.PurchaseOrder> next = day.world.anyOpenPurchaseOrder(random);
        next.ifPresent(order -> {
            if (day.api.post("CancelPurchaseOrder", "/purchase-orders/" + order.uuid() + "/cancellation",
                    Map.of("reason", "supplier cannot deliver")).accepted()) {
                day.world.closed(order);
            }
        });
        return next.isPresent();
    }

    /**
     * Each line scanned in on its own, keyed by the item. The line over what is open is refused by the
     * purchase order (and lands on the rejected topic); the world counts the rest as received.
     */
    private void scanIn(World.PurchaseOrder order, Map<String, Integer> received) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        synchronized (day.world) {
            received.forEach((sku, quantity) -> {
                if (quantity <= order.open().getOrDefault(sku, 0)) {
                    expected.put(sku, quantity);
                }
            });
        }
        received.forEach((sku, quantity) -> day.feeds.publish(InboundFeeds.SCANS, order.warehouse() + ":" + sku,
                day.recordId(), Map.of("type", "RECEIVED", "purchaseOrderId", order.uuid(), "sku", sku,
                        "quantity", quantity, "scanner", "DOCK-1")));
        day.world.received(order, expected);
    }
}
