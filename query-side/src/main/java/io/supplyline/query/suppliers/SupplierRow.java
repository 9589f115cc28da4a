package io.supplyline.query.suppliers;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.supplyline.query.projection.ProjectedRow;

/** A supplier as its performance page shows it. */
@Entity
@Table(name = "supplier_performance_supplier")
public class SupplierRow extends ProjectedRow {

    /** The Supplier aggregate id, {@code supplier:{code}}. */
    @Id
    public String id;
    public String code;
    public String name;
    public Integer leadTimeDays;
    public boolean suspended;

    protected SupplierRow() {
    }

    SupplierRow(String id) {
        this.id = id;
        this.code = id.substring("supplier:".length());
    }
}
