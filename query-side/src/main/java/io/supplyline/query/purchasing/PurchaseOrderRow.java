package io.supplyline.query.purchasing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.supplyline.query.projection.ProjectedRow;

/** One purchase order on the purchase-order board. */
@Entity
@Table(name = "purchase_order_board")
public class PurchaseOrderRow extends ProjectedRow {

    /** The PurchaseOrder aggregate id, {@code purchase-order:{uuid}}. */
    @Id
    public String id;
    public String supplier;
    public String warehouse;
    @Enumerated(EnumType.STRING)
    public PurchaseOrderStatus status;
    public LocalDate expectedDeliveryDate;
    public int lineCount;
    public long unitsOrdered;
    public long unitsReceived;
    public Instant placedAt;
    public Instant lastReceiptAt;

    protected PurchaseOrderRow() {
    }

    PurchaseOrderRow(String id) {
        this.id = id;
    }

    @Override
    public String liveType() {
        return status == null ? null : "purchase-order";
    }

    @Override
    public Object liveView() {
        return PurchaseOrderView.of(this, LocalDate.now(ZoneOffset.UTC));
    }
}
