package io.supplyline.query.alerts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An alert: opened by the event that caused it, resolved by the event that ended it. At most one
 * alert of a type is open per subject (a stock item, purchase order or shipment).
 */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    /**
     * Checked on every update: events of several partitions (so of several instances) may change this
     * row, and a write based on a stale read fails instead of undoing the other's (its batch is retried).
     */
    @Version
    public long rowVersion;

    /** The id of the event that opened it: stable across a rebuild. */
    @Id
    public String id;
    @Enumerated(EnumType.STRING)
    public AlertType type;
    /** Column {@code is_open}: OPEN is a keyword in some databases. */
    @Column(name = "is_open")
    public boolean open;
    /** The aggregate it is about, e.g. {@code stock:BER-1:PALLET-EUR}. */
    public String subject;
    public String warehouse;
    public String sku;
    public String detail;
    /**
     * For low stock and stockouts: what the reorder policy suggests, enough to get back above the reorder point
     * by a full reorder quantity.
     */
    public Long suggestedReorderQuantity;
    /** For an open low-stock or stockout alert: nothing is on its way to the item, so order now. */
    public boolean reorderNow;
    public Instant openedAt;
    public Instant resolvedAt;
    /** The events that opened it and, while open, kept it open (most recent last; at most 20 kept). */
    public String causedBy;
    public String resolvedBy;

    /** Names the stock item's warehouse and SKU, for an alert about it. */
    Alert about(AlertStockItem item) {
        warehouse = item.warehouse;
        sku = item.sku;
        return this;
    }
}
