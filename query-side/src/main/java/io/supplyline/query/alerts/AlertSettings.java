package io.supplyline.query.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Thresholds of the alert detectors (see the README for how each works). */
@ConfigMapping(prefix = "supplyline.alerts")
public interface AlertSettings {

    /** Adjustments of an item seen before its next one can be judged anomalous. */
    @WithDefault("5")
    int anomalyMinHistory();

    /** How many standard deviations above the mean adjustment size is anomalous. */
    @WithDefault("3.0")
    double anomalySigmas();
}
