package io.supplyline.query.alerts;

import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventMessage;

import io.supplyline.events.catalog.ReorderPolicy;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.supplier.SupplierRegistered;
import io.supplyline.query.projection.ProjectionRows;

/**
 * The alert projection's copy of each stock item (quantities, adjustment history), of the products'
 * reorder policies, of the items' demand and of the suppliers' lead times: each change is judged for stockouts, low stock, projected
 * stockouts, demand spikes and anomalous adjustments.
 */
@Singleton
class StockItemAlerts {

    private final ProjectionRows rows;
    private final StockLevelDetector stockLevels;
    private final ProjectedStockoutDetector projectedStockouts;
    private final DemandSpikeDetector demandSpikes;
    private final AnomalousAdjustmentDetector anomalousAdjustments;

    StockItemAlerts(ProjectionRows rows, StockLevelDetector stockLevels, ProjectedStockoutDetector projectedStockouts,
                    DemandSpikeDetector demandSpikes, AnomalousAdjustmentDetector anomalousAdjustments) {
        this.rows = rows;
        this.stockLevels = stockLevels;
        this.projectedStockouts = projectedStockouts;
        this.demandSpikes = demandSpikes;
        this.anomalousAdjustments = anomalousAdjustments;
    }

    /** A change of the item's own quantities, then judged. */
    void stock(StockItemId id, long sequence, EventMessage<?> message, Consumer<AlertStockItem> change) {
        rows.applyOnce(AlertStockItem.class, id.aggregateId(), aggregateId -> new AlertStockItem(id), sequence,
                message.getTimestamp(), item -> {
                    change.accept(item);
                    judgeStock(item, message);
                });
    }

    /** Judged against the item's earlier adjustments before it joins them. */
    void adjusted(StockAdjusted event, long sequence, EventMessage<?> message) {
        stock(event.stockItemId(), sequence, message, item -> {
            anomalousAdjustments.adjusted(item, Math.abs(event.delta()), message);
            item.onHand += event.delta();
        });
    }

    /** A product's reorder policy, against which each of its items is judged again. */
    void policy(Sku sku, ReorderPolicy policy, long sequence, EventMessage<?> message) {
        rows.applyOnce(AlertProduct.class, sku.aggregateId(), AlertProduct::new, sequence, message.getTimestamp(),
                product -> {
                    product.reorderPoint = policy.reorderPoint();
                    product.reorderQuantity = policy.reorderQuantity();
                    rows.where(AlertStockItem.class, "sku", sku.value()).forEach(item -> judgeStock(item, message));
                });
    }

    /** An item only ordered so far has no stock to judge (and no stockout: it never had any). */
    private void judgeStock(AlertStockItem item, EventMessage<?> cause) {
        if (!item.stocked()) {
            return;
        }
        stockLevels.judge(item, cause);
        projectedStockouts.judge(item, rows.find(AlertDemand.class, item.id), cause);
    }

    /** Each line is demand for its item: judged for a spike, and for how long the item's stock lasts. */
    void ordered(OrderPlaced event, long sequence, EventMessage<?> message) {
        rows.applyOnce(AlertOrder.class, event.orderId().aggregateId(), AlertOrder::new, sequence,
                message.getTimestamp(), order -> event.lines().forEach(line -> {
                    StockItemId id = new StockItemId(event.warehouse(), line.sku());
                    AlertDemand demand = demandOf(id.aggregateId());
                    demandSpikes.ordered(demand, id, line.quantity().value(), message);
                    AlertStockItem item = rows.find(AlertStockItem.class, id.aggregateId());
                    if (item != null && item.stocked()) {
                        projectedStockouts.judge(item, demand, message);
                    }
                }));
    }

    /** A supplier's lead time: how soon its purchase orders bring more (for projected stockouts). */
    void supplierRegistered(SupplierRegistered event, long sequence, EventMessage<?> message) {
        rows.applyOnce(AlertSupplier.class, event.code().aggregateId(), AlertSupplier::new, sequence,
                message.getTimestamp(), supplier -> supplier.leadTimeDays = event.leadTimeDays());
    }

    private AlertDemand demandOf(String stockItemId) {
        AlertDemand demand = rows.find(AlertDemand.class, stockItemId);
        if (demand == null) {
            demand = rows.add(new AlertDemand(stockItemId));
        }
        return demand;
    }
}
