package io.supplyline.query.alerts;

import java.util.Locale;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventMessage;

import io.supplyline.events.inventory.StockItemId;

/**
 * Demand spikes: this hour's ordered units exceed {@code spikeFactor} times the item's average hourly
 * demand and {@code spikeMinUnits}, once {@code demandMinHours} hours are known. A spike resolves when the
 * next hour with orders begins.
 */
@Singleton
class DemandSpikeDetector {

    private final AlertBook alerts;
    private final AlertSettings settings;

    DemandSpikeDetector(AlertBook alerts, AlertSettings settings) {
        this.alerts = alerts;
        this.settings = settings;
    }

    /** Counts an order line into the item's demand and judges the hour it falls in. */
    void ordered(AlertDemand demand, StockItemId id, long quantity, EventMessage<?> cause) {
        if (demand.order(cause.getTimestamp(), quantity, settings.demandAlpha())) {
            alerts.resolve(AlertType.DEMAND_SPIKE, id.aggregateId(), cause);
        }
        double limit = Math.max(settings.spikeMinUnits(), settings.spikeFactor() * demand.baselinePerHour);
        if (demand.hoursSeen >= settings.demandMinHours() && demand.currentHourUnits > limit) {
            Alert spike = alerts.open(AlertType.DEMAND_SPIKE, id.aggregateId(), cause, String.format(Locale.ROOT,
                    "%d %s ordered from %s this hour; usually %.1f an hour (limit %.0f)", demand.currentHourUnits,
                    id.sku().value(), id.warehouse().value(), demand.baselinePerHour, limit));
            spike.warehouse = id.warehouse().value();
            spike.sku = id.sku().value();
        }
    }
}
