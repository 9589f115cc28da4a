package io.supplyline.deploy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A warehouse of the benchmark's own with products in plenty of stock, for the commands it sends itself. */
final class StockedItems {

    private StockedItems() {
    }

    /** Registers {@code warehouse} and {@code count} products in it, each received 1,000,000 times; returns their SKUs. */
    static List<String> register(Http commands, String warehouse, int count) {
        require(commands.post("/warehouses", Map.of("code", warehouse, "name", warehouse + " DC", "city", "Berlin",
                "country", "DE")), "register warehouse " + warehouse);
        List<String> skus = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String sku = warehouse + "-" + i;
            require(commands.post("/products", Map.of("sku", sku, "name", "Item " + i, "unitOfMeasure", "EA",
                    "reorderPoint", 0, "reorderQuantity", 1)), "register product " + sku);
            require(commands.post("/stock/" + warehouse + "/" + sku + "/receipts", Map.of("quantity", 1_000_000)),
                    "receive the stock of " + sku);
            skus.add(sku);
        }
        return skus;
    }

    static void require(Http.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException("Could not " + what + ": HTTP " + answer.status() + " " + answer.body());
        }
    }
}
