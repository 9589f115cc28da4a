package io.supplyline.query.alerts;

import java.util.Locale;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventMessage;

/**
 * Anomalous adjustments: an adjustment whose size is more than {@code anomalySigmas} standard deviations
 * (at least one unit each) above the mean size of the item's earlier adjustments, once there are
 * {@code anomalyMinHistory} of them. A later ordinary adjustment resolves the alert.
 */
@Singleton
class AnomalousAdjustmentDetector {

    private final AlertBook alerts;
    private final AlertSettings settings;

    AnomalousAdjustmentDetector(AlertBook alerts, AlertSettings settings) {
        this.alerts = alerts;
        this.settings = settings;
    }

    /** Judged against the item's earlier adjustments, which it then joins. */
    void adjusted(AlertStockItem item, long size, EventMessage<?> cause) {
        if (item.adjustments >= settings.anomalyMinHistory()) {
            double deviation = Math.max(1.0, Math.sqrt(item.adjustmentM2 / (item.adjustments - 1)));
            double limit = item.adjustmentMean + settings.anomalySigmas() * deviation;
            if (size > limit) {
                alerts.open(AlertType.ANOMALOUS_ADJUSTMENT, item.id, cause, String.format(Locale.ROOT,
                        "An adjustment of %d %s in %s; this item's adjustments average %.1f (limit %.1f)",
                        size, item.sku, item.warehouse, item.adjustmentMean, limit)).about(item);
            } else {
                alerts.resolve(AlertType.ANOMALOUS_ADJUSTMENT, item.id, cause);
            }
        }
        item.adjustments++;
        double before = item.adjustmentMean;
        item.adjustmentMean += (size - before) / item.adjustments;
        item.adjustmentM2 += (size - before) * (size - item.adjustmentMean);
    }
}
