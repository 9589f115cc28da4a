package io.supplyline.deploy.generator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * What moves besides orders: stock adjustments (damage reported by the scanners' feed when the day goes
 * through Kafka), reorder policies, products replaced by successors, suppliers suspended and reinstated.
 */
final class StockAndRangeCommands {

    private final DayContext day;

    StockAndRangeCommands(DayContext day) {
        this.day = day;
    }

    boolean adjustStock(Random random) {
        Optional<String[]> next = day.world.anyStockedItem(random);
        next.ifPresent(item -> {
            int kind = random.nextInt(10);
            String reason = kind < 5 ? "CYCLE_COUNT" : kind < 8 ? "DAMAGE" : kind < 9 ? "LOSS" : "FOUND";
            int size = 1 + random.nextInt(3);
            int delta = switch (reason) {
                case "CYCLE_COUNT" -> random.nextBoolean() ? size : -size;
                case "FOUND" -> size;
                default -> -size;
            };
            String note = "shift " + (1 + random.nextInt(3));
            if (day.feeds != null && "DAMAGE".equals(reason)) {
                day.feeds.publish(InboundFeeds.SCANS, item[0] + ":" + item[1], day.recordId(), Map.of("type", "DAMAGED",
                        "warehouse", item[0], "sku", item[1], "quantity", -delta, "note", note, "scanner", "HH-" + (1 + random.nextInt(20))));
            } else {
                day.api.post("AdjustStock", "/stock/" + item[0] + "/" + item[1] + "/adjustments",
                        Map.of("delta", delta, "reason", reason, "note", note));
            }
        });
        return next.isPresent();
    }

    boolean changeReorderPolicy(Random random) {
        String sku = day.world.any(day.world.skus, random);
        day.api.post("ChangeReorderPolicy", "/products/" + sku + "/reorder-policy",
                Map.of("reorderPoint", 20 + random.nextInt(80), "reorderQuantity", 100 + random.nextInt(400)));
        return true;
    }

    /**
     * Master data moves a little: a product is replaced by a successor (a quarter of the time), a
     * suspended supplier is reinstated, or now and then an active one suspended (so most stay active).
     */
    boolean changeMasterData(Random random) {
        if (random.nextInt(4) == 0) {
            return replaceProduct(random);
        }
        String supplier = day.world.any(day.world.suppliers, random);
        if (day.world.isSuspended(supplier)) {
            if (day.api.post("ReinstateSupplier", "/suppliers/" + supplier + "/reinstatement", Map.of()).accepted()) {
                day.world.suspended(supplier, false);
            }
            return true;
        }
        if (random.nextInt(3) > 0) {
            return false;
        }
        if (day.api.post("SuspendSupplier", "/suppliers/" + supplier + "/suspension",
                Map.of("reason", "quality audit")).accepted()) {
            day.world.suspended(supplier, true);
        }
        return true;
    }

    /** A product is discontinued and a successor registered, so the range stays the same size. */
    private boolean replaceProduct(Random random) {
        List<String> active = day.world.distinctSkus(random, 1, true);
        if (active.isEmpty()) {
            return false;
        }
        String sku = active.get(0);
        if (!day.api.post("DiscontinueProduct", "/products/" + sku + "/discontinuation",
                Map.of("reason", "replaced by a successor")).accepted()) {
            return true;
        }
        day.world.discontinued(sku);
        String successor = sku.replaceFirst("(-N\\d+)?$", "") + "-N" + day.pacing.sent();
        if (day.api.post("RegisterProduct", "/products", Map.of("sku", successor, "name", "Successor of " + sku,
                "unitOfMeasure", "EA", "reorderPoint", 20 + random.nextInt(60),
                "reorderQuantity", 100 + random.nextInt(300))).accepted()) {
            day.world.registered(successor);
        }
        return true;
    }
}
