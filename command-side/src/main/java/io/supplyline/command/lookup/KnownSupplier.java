package io.supplyline.command.lookup;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A registered supplier and whether it may receive new purchase orders. */
@Entity
@Table(name = "known_supplier")
public class KnownSupplier extends PanacheEntityBase {

    @Id
    public String code;
    public boolean suspended;

    public static KnownSupplier registered(String code) {
        KnownSupplier supplier = new KnownSupplier();
        supplier.code = code;
        return supplier;
    }
}
