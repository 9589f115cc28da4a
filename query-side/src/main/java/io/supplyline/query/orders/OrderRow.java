package io.supplyline.query.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.supplyline.query.projection.ProjectedRow;

/** One customer order on the order board. */
@Entity
@Table(name = "order_board")
public class OrderRow extends ProjectedRow {

    /** The SalesOrder aggregate id, {@code order:{uuid}}. */
    @Id
    public String id;
    public String customer;
    public String warehouse;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    public int lineCount;
    public long units;
    public LocalDate requestedDeliveryDate;
    public String shipmentId;
    public Instant placedAt;
    /** The time of its OrderShipped event, and that day in UTC (what its lateness is judged on). */
    public Instant shippedAt;
    public LocalDate shippedOn;

    protected OrderRow() {
    }

    OrderRow(String id) {
        this.id = id;
    }

    @Override
    public String liveType() {
        return placedAt == null ? null : "order";
    }

    @Override
    public Object liveView() {
        return OrderView.of(this, LocalDate.now(ZoneOffset.UTC));
    }
}
