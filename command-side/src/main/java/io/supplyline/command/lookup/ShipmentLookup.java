package io.supplyline.command.lookup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;

import io.supplyline.events.shipping.ShipmentId;

/** Which shipments carry a tracking number, from the table written with each shipment's creation. */
@Singleton
public class ShipmentLookup {

    private final LookupRows rows;

    ShipmentLookup(LookupRows rows) {
        this.rows = rows;
    }

    /** The shipments with this tracking number, of this carrier if one is named (carriers may reuse numbers). */
    public List<ShipmentId> byTrackingNumber(String trackingNumber, String carrier) {
        return carrier == null
                ? rows.all("SELECT shipment_id FROM known_shipment WHERE tracking_number = ?", ShipmentLookup::shipment,
                        trackingNumber)
                : rows.all("SELECT shipment_id FROM known_shipment WHERE tracking_number = ? AND carrier = ?",
                        ShipmentLookup::shipment, trackingNumber, carrier);
    }

    private static ShipmentId shipment(ResultSet row) throws SQLException {
        return new ShipmentId(UUID.fromString(row.getString(1)));
    }
}
