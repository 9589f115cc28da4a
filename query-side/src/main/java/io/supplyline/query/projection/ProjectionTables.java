package io.supplyline.query.projection;

import java.util.List;
import java.util.Map;

import io.supplyline.query.alerts.AlertProjection;
import io.supplyline.query.orders.OrderProjection;
import io.supplyline.query.overview.OverviewProjection;
import io.supplyline.query.purchasing.PurchaseOrderProjection;
import io.supplyline.query.shipments.ShipmentProjection;
import io.supplyline.query.stock.StockLevelProjection;
import io.supplyline.query.suppliers.SupplierPerformanceProjection;

/**
 * The tables each projection (processing group) owns: a rebuild, or an as-of view, fills fresh
 * copies of exactly these.
 * A test checks that every read-model table in the schema belongs to one projection.
 */
public final class ProjectionTables {

    public static final Map<String, List<String>> OF = Map.of(
            StockLevelProjection.NAME, List.of("stock_level", "stock_product_policy", "stock_inbound_order",
                    "stock_inbound_line", "stock_level_point"),
            OrderProjection.NAME, List.of("order_board"),
            ShipmentProjection.NAME, List.of("shipment_board"),
            PurchaseOrderProjection.NAME, List.of("purchase_order_board"),
            SupplierPerformanceProjection.NAME, List.of("supplier_performance_supplier", "supplier_performance_order"),
            OverviewProjection.NAME, List.of("overview_aggregate", "overview_count", "overview_hourly",
                    "overview_minutely", "overview_latest_event"),
            AlertProjection.NAME, List.of("alert", "alert_stock_item", "alert_product", "alert_purchase_order",
                    "alert_purchase_order_line", "alert_shipment", "alert_clock", "alert_demand", "alert_order",
                    "alert_supplier"));

    private ProjectionTables() {
    }
}
