package io.supplyline.query.suppliers;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.supplyline.query.projection.ProjectedRow;

/**
 * One purchase order as supplier performance counts it: this projection's own copy, so the
 * performance page needs no other read model.
 */
@Entity
@Table(name = "supplier_performance_order")
public class SupplierOrderRow extends ProjectedRow {

    /** The PurchaseOrder aggregate id. */
    @Id
    public String id;
    public String supplier;
    public LocalDate expectedDeliveryDate;
    public long unitsOrdered;
    public long unitsReceived;
    /** OPEN until fully received (RECEIVED) or cancelled (CANCELLED). */
    public String status;
    public Instant placedAt;
    public Instant fullyReceivedAt;
    /** Fully received on or before the expected date; null until fully received. */
    public Boolean deliveredOnTime;
    /** Days from placing to the last receipt, in fractions of a day; null until fully received. */
    public Double leadTimeDays;

    protected SupplierOrderRow() {
    }

    SupplierOrderRow(String id) {
        this.id = id;
    }
}
