package io.supplyline.query.stock;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A stock item's level right after one of its events. Written in the same transaction as the level
 * and only when the level applies the event, so a redelivered event adds no second point.
 */
@Entity
@Table(name = "stock_level_point")
public class StockLevelPoint extends PanacheEntityBase {

    /** {@code {stock item id}@{version}}. */
    @Id
    public String id;
    public String stockItemId;
    public long version;
    public Instant recordedAt;
    public long onHand;
    public long reserved;

    static StockLevelPoint of(StockLevel level) {
        StockLevelPoint point = new StockLevelPoint();
        point.id = level.id + "@" + level.version;
        point.stockItemId = level.id;
        point.version = level.version;
        point.recordedAt = level.updatedAt;
        point.onHand = level.onHand;
        point.reserved = level.reserved;
        return point;
    }
}
