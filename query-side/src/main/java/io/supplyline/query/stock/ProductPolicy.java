package io.supplyline.query.stock;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The stock projection's own copy of each product's reorder point, so a stock level's status needs
 * no join at request time. Products and stock items sit on different partitions: either may
 * arrive first.
 */
@Entity
@Table(name = "stock_product_policy")
public class ProductPolicy extends PanacheEntityBase {

    @Id
    public String sku;
    public long reorderPoint;
    public long version;

    static long reorderPointOf(String sku) {
        ProductPolicy policy = findById(sku);
        return policy == null ? 0 : policy.reorderPoint;
    }
}
