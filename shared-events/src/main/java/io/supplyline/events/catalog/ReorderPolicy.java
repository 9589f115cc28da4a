package io.supplyline.events.catalog;

/** When to reorder a product (available at or below the point) and how much (the quantity). */
public record ReorderPolicy(int reorderPoint, int reorderQuantity) {

    public ReorderPolicy {
        if (!isValid(reorderPoint, reorderQuantity)) {
            throw new IllegalArgumentException("Reorder point must be at least 0 and reorder quantity at least 1");
        }
    }

    public static boolean isValid(int reorderPoint, int reorderQuantity) {
        return reorderPoint >= 0 && reorderQuantity >= 1;
    }
}
