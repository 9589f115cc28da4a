package io.supplyline.query.overview;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A count the overview keeps, such as how many orders are {@code ALLOCATED} right now. */
@Entity
@Table(name = "overview_count")
public class OverviewCount extends PanacheEntityBase {

    /** {@code orders.ALLOCATED}, {@code shipments.DISPATCHED}, {@code purchase-orders.OPEN}, ... */
    @Id
    public String counter;
    public long total;
}
