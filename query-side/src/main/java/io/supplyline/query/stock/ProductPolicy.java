package io.supplyline.query.stock;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The stock projection's own copy of each product's reorder point, so a stock level's status needs
 * no join at request time. Products and stock items sit on different partitions: either may
 * arrive first.
 */
@Entity
@Table(name = "stock_product_policy")
public class ProductPolicy extends PanacheEntityBase {

    /**
     * Checked on every update: events of several partitions (so of several instances) may change this
     * row, and a write based on a stale read fails instead of undoing the other's (its batch is retried).
     */
    @Version
    public long rowVersion;

    @Id
    public String sku;
    public long reorderPoint;
    public long version;

    /** For the query API; projections read the policy through their rows. */
    static long reorderPointOf(String sku) {
        ProductPolicy policy = findById(sku);
        return policy == null ? 0 : policy.reorderPoint;
    }

    static ProductPolicy of(String sku) {
        ProductPolicy policy = new ProductPolicy();
        policy.sku = sku;
        policy.version = -1;
        return policy;
    }
}
