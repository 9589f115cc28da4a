package io.supplyline.query.projection;

import java.util.List;
import java.util.Map;


/**
 * The tables each projection (processing group) owns: a rebuild, or an as-of view, fills fresh
 * copies of exactly these.
 * A test checks that every read-model table in the schema belongs to one projection.
 */
public final class ProjectionTables {

    public static final Map<String, List<String>> OF = Map.of(
            ProjectionNames.STOCK_LEVELS, List.of("stock_level", "stock_product_policy", "stock_inbound_order",
                    "stock_inbound_line", "stock_level_point"),
            ProjectionNames.ORDERS, List.of("order_board"),
            ProjectionNames.SHIPMENTS, List.of("shipment_board"),
            ProjectionNames.PURCHASE_ORDERS, List.of("purchase_order_board"),
            ProjectionNames.SUPPLIER_PERFORMANCE, List.of("supplier_performance_supplier", "supplier_performance_order"),
            ProjectionNames.OVERVIEW, List.of("overview_aggregate", "overview_count", "overview_hourly",
                    "overview_minutely", "overview_latest_event"),
            ProjectionNames.ALERTS, List.of("alert", "alert_stock_item", "alert_product", "alert_purchase_order",
                    "alert_purchase_order_line", "alert_shipment", "alert_clock", "alert_demand", "alert_order",
                    "alert_supplier"));

    private ProjectionTables() {
    }
}
