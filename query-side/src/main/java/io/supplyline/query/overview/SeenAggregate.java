package io.supplyline.query.overview;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.supplyline.query.projection.ProjectedRow;

/** Every aggregate the overview has seen, with the status it counts it under (null for kinds without one). */
@Entity
@Table(name = "overview_aggregate")
public class SeenAggregate extends ProjectedRow {

    @Id
    public String id;
    /** The status counter this aggregate is in, such as {@code orders.ALLOCATED}. */
    public String counter;

    protected SeenAggregate() {
    }

    SeenAggregate(String id) {
        this.id = id;
    }
}
