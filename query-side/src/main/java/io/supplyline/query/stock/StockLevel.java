package io.supplyline.query.stock;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.supplyline.events.inventory.StockItemId;
import io.supplyline.query.projection.ProjectedRow;

/** The stock of one SKU in one warehouse, shaped for the stock board: every column is filterable. */
@Entity
@Table(name = "stock_level")
public class StockLevel extends ProjectedRow {

    /** The StockItem aggregate id, e.g. {@code stock:BER-1:PALLET-EUR}. */
    @Id
    public String id;
    public String warehouse;
    public String sku;
    public long onHand;
    public long reserved;
    public long available;
    public long inbound;
    public long reorderPoint;
    @Enumerated(EnumType.STRING)
    public StockStatus status;

    static StockLevel startTracking(StockItemId item, long reorderPoint) {
        StockLevel level = new StockLevel();
        level.id = item.aggregateId();
        level.warehouse = item.warehouse().value();
        level.sku = item.sku().value();
        level.reorderPoint = reorderPoint;
        level.restate();
        return level;
    }

    void changeOnHand(long delta) {
        onHand += delta;
        restate();
    }

    void changeReserved(long delta) {
        reserved += delta;
        restate();
    }

    void issue(long quantity) {
        onHand -= quantity;
        reserved -= quantity;
        restate();
    }

    void changeInbound(long delta) {
        inbound += delta;
    }

    void reorderPointIs(long reorderPoint) {
        this.reorderPoint = reorderPoint;
        restate();
    }

    private void restate() {
        available = onHand - reserved;
        status = StockStatus.of(available, reorderPoint);
    }

    @Override
    public String liveType() {
        return "stock-level";
    }

    @Override
    public Object liveView() {
        return StockLevelView.of(this);
    }
}
