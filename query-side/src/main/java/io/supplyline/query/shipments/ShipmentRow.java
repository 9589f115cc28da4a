package io.supplyline.query.shipments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.supplyline.query.projection.ProjectedRow;

/** One shipment on the shipment board. */
@Entity
@Table(name = "shipment_board")
public class ShipmentRow extends ProjectedRow {

    /** The Shipment aggregate id, {@code shipment:{uuid}}. */
    @Id
    public String id;
    public String orderId;
    public String warehouse;
    public String carrier;
    public String trackingNumber;
    @Enumerated(EnumType.STRING)
    public ShipmentStatus status;
    public LocalDate promisedDeliveryDate;
    /** The latest estimate: the promised date until a delay moves it. */
    public LocalDate eta;
    public Instant dispatchedAt;
    public Instant deliveredAt;
    public String lastLocation;
    public Instant lastCheckpointAt;
    public int checkpoints;
    public int exceptions;
    public String lastException;

    protected ShipmentRow() {
    }

    ShipmentRow(String id) {
        this.id = id;
    }

    @Override
    public String liveType() {
        return status == null ? null : "shipment";
    }

    @Override
    public Object liveView() {
        return ShipmentView.of(this, LocalDate.now(ZoneOffset.UTC));
    }
}
