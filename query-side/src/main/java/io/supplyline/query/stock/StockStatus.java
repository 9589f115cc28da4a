package io.supplyline.query.stock;

/** How an item stands against its product's reorder point. */
public enum StockStatus {
    OK, LOW, OUT;

    public static StockStatus of(long available, long reorderPoint) {
        if (available <= 0) {
            return OUT;
        }
        return available <= reorderPoint ? LOW : OK;
    }
}
