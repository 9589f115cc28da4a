package io.supplyline.query.alerts;

import java.util.Locale;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventMessage;

import io.supplyline.query.projection.ProjectionRows;

/**
 * Projected stockouts: at the item's average demand, what is available runs out before the lead time of
 * the SKU's latest supplier (or {@code defaultLeadTimeDays}) would bring more.
 */
@Singleton
class ProjectedStockoutDetector {

    private final ProjectionRows rows;
    private final AlertBook alerts;
    private final AlertSettings settings;

    ProjectedStockoutDetector(ProjectionRows rows, AlertBook alerts, AlertSettings settings) {
        this.rows = rows;
        this.alerts = alerts;
        this.settings = settings;
    }

    /** {@code demand} is null when the item has had no orders yet. */
    void judge(AlertStockItem item, AlertDemand demand, EventMessage<?> cause) {
        long available = item.onHand - item.reserved;
        boolean known = demand != null && demand.hoursSeen >= settings.demandMinHours() && demand.baselinePerHour > 0;
        if (!known || available <= 0) {
            alerts.resolve(AlertType.PROJECTED_STOCKOUT, item.id, cause);
            return;
        }
        double perDay = demand.baselinePerHour * 24;
        double daysOfCover = available / perDay;
        AlertProduct product = rows.find(AlertProduct.class, "product:" + item.sku);
        AlertSupplier supplier = product == null || product.lastSupplier == null ? null
                : rows.find(AlertSupplier.class, "supplier:" + product.lastSupplier);
        int leadTime = supplier == null ? settings.defaultLeadTimeDays() : supplier.leadTimeDays;
        if (daysOfCover < leadTime) {
            alerts.open(AlertType.PROJECTED_STOCKOUT, item.id, cause, String.format(Locale.ROOT,
                    "At %.0f a day, the %d %s available in %s last %.1f days; new stock takes %d days%s", perDay,
                    available, item.sku, item.warehouse, daysOfCover, leadTime,
                    supplier == null ? " (assumed)" : " from " + product.lastSupplier)).about(item);
        } else {
            alerts.resolve(AlertType.PROJECTED_STOCKOUT, item.id, cause);
        }
    }
}
