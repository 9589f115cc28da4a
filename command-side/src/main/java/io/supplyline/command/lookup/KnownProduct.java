package io.supplyline.command.lookup;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A registered SKU and whether it may still be bought, as far as other aggregates' rules need to know. */
@Entity
@Table(name = "known_product")
public class KnownProduct extends PanacheEntityBase {

    @Id
    public String sku;
    public boolean discontinued;

    public static KnownProduct registered(String sku) {
        KnownProduct product = new KnownProduct();
        product.sku = sku;
        return product;
    }
}
