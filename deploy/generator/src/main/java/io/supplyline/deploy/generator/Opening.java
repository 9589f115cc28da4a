package io.supplyline.deploy.generator;

import java.util.Map;
import java.util.Random;

/**
 * The world a day starts from, made through the command API: warehouses, suppliers and products
 * registered under this run's keys, and the stock counted in before the first order.
 */
final class Opening {

    private static final String[] PRODUCTS = {"BOLT-M8", "NUT-M8", "WASHER-8", "SCREW-4X40", "DOWEL-8", "ANCHOR-10",
        "HINGE-80", "BRACKET-L", "PALLET-EUR", "STRAP-25", "TAPE-50", "GLUE-PVA", "SEALANT-W", "CABLE-3X1",
        "PLUG-EU", "SWITCH-1G", "LAMP-E27", "PIPE-22", "ELBOW-22", "VALVE-22", "FILTER-A", "GLOVE-L", "MASK-FFP2",
        "HELMET-W", "BOOT-43", "PAINT-W10", "BRUSH-50", "ROLLER-25", "SANDPAPER-120", "LADDER-3"};
    private static final String[][] WAREHOUSES = {{"BER", "Berlin", "DE"}, {"HAM", "Hamburg", "DE"}, {"MUC", "Munich", "DE"}};
    private static final int SUPPLIERS = 6;

    private final DayContext day;

    Opening(DayContext day) {
        this.day = day;
    }

    void open(Random random) {
        CommandApi api = day.api;
        World world = day.world;
        for (String[] warehouse : WAREHOUSES) {
            String code = day.run + "-" + warehouse[0];
            if (api.post("RegisterWarehouse", "/warehouses", Map.of("code", code, "name", warehouse[1] + " DC",
                    "city", warehouse[1], "country", warehouse[2])).accepted()) {
                world.warehouses.add(code);
            }
        }
        for (int s = 1; s <= SUPPLIERS; s++) {
            String code = day.run + "-SUP" + s;
            if (api.post("RegisterSupplier", "/suppliers", Map.of("code", code, "name", "Supplier " + s + " GmbH",
                    "leadTimeDays", 2 + random.nextInt(9))).accepted()) {
                world.suppliers.add(code);
            }
        }
        for (String product : PRODUCTS) {
            String sku = day.run + "-" + product;
            if (api.post("RegisterProduct", "/products", Map.of("sku", sku, "name", product, "unitOfMeasure", "EA",
                    "reorderPoint", 20 + random.nextInt(60), "reorderQuantity", 100 + random.nextInt(300))).accepted()) {
                world.skus.add(sku);
            }
        }
        for (String warehouse : world.warehouses) {
            for (String sku : world.skus) {
                if (random.nextInt(10) < 8) {
                    receive(warehouse, sku, 40 + random.nextInt(260), "opening count");
                }
            }
        }
    }

    private void receive(String warehouse, String sku, int quantity, String reference) {
        if (day.api.post("ReceiveStock", "/stock/" + warehouse + "/" + sku + "/receipts",
                Map.of("quantity", quantity, "reference", reference)).accepted()) {
            day.world.stocked(warehouse, sku);
        }
    }
}
