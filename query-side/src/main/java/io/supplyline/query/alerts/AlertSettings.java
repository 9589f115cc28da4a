package io.supplyline.query.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Thresholds of the alert detectors (docs/read-models.md, Alerts, says how each works). */
@ConfigMapping(prefix = "supplyline.alerts")
public interface AlertSettings {

    /** Adjustments of an item seen before its next one can be judged anomalous. */
    @WithDefault("5")
    int anomalyMinHistory();

    /** How many standard deviations above the mean adjustment size is anomalous. */
    @WithDefault("3.0")
    double anomalySigmas();

    /** Weight of the newest closed hour in an item's average hourly demand. */
    @WithDefault("0.2")
    double demandAlpha();

    /** Closed hours of demand an item needs before spikes and projections are judged. */
    @WithDefault("3")
    int demandMinHours();

    /** An hour's demand is a spike above this multiple of the item's average hourly demand ... */
    @WithDefault("3.0")
    double spikeFactor();

    /** ... and above this many units (a handful of units is never a spike). */
    @WithDefault("20")
    int spikeMinUnits();

    /** Lead time assumed for a SKU no purchase order has named a supplier for yet. */
    @WithDefault("7")
    int defaultLeadTimeDays();
}
