package io.supplyline.command.lookup;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A registered warehouse code, as far as other aggregates' rules need to know. */
@Entity
@Table(name = "known_warehouse")
public class KnownWarehouse extends PanacheEntityBase {

    @Id
    public String code;

    public static KnownWarehouse registered(String code) {
        KnownWarehouse warehouse = new KnownWarehouse();
        warehouse.code = code;
        return warehouse;
    }
}
