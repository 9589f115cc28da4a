package io.supplyline.query.projection;

/**
 * The query side's projections, each an event processor (processing group). The names are stored with
 * each projection's position and dead letters, and name a projection in the admin API and the metrics.
 */
public final class ProjectionNames {

    public static final String ALERTS = "alerts";
    public static final String ORDERS = "orders";
    public static final String OVERVIEW = "overview";
    public static final String PURCHASE_ORDERS = "purchase-orders";
    public static final String SHIPMENTS = "shipments";
    public static final String STOCK_LEVELS = "stock-levels";
    public static final String SUPPLIER_PERFORMANCE = "supplier-performance";

    private ProjectionNames() {
    }
}
