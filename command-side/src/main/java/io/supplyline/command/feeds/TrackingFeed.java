package io.supplyline.command.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supplyline.command.lookup.ShipmentLookup;
import io.supplyline.command.shipping.ConfirmDelivery;
import io.supplyline.command.shipping.DispatchShipment;
import io.supplyline.command.shipping.RecordCheckpoint;
import io.supplyline.command.shipping.ReportDelay;
import io.supplyline.command.shipping.ReportShipmentException;
import io.supplyline.events.shipping.ShipmentExceptionType;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.support.http.PathPatterns;

/**
 * Carrier tracking events (feeds/tracking.schema.json): each becomes the shipment command the HTTP API's
 * {@code /shipments/{id}/...} endpoints send. A carrier's pick-up is the shipment's dispatch.
 */
final class TrackingFeed extends Feed {

    enum Status { PICKED_UP, CHECKPOINT, DELAYED, DELIVERED, EXCEPTION }

    record TrackingEvent(String recordId, String shipmentId, @Size(max = 100) String trackingNumber,
                         @Size(max = 100) String carrier, @NotNull Status status, Instant at,
                         @Size(max = 200) String location, @Size(max = 500) String note, LocalDate newEta,
                         @Size(max = 500) String reason, @Size(max = 200) String receivedBy,
                         ShipmentExceptionType exceptionType) {
    }

    private final ShipmentLookup shipments;

    TrackingFeed(String topic, ObjectMapper json, Validator validator, ShipmentLookup shipments) {
        super("tracking", topic, json, validator);
        this.shipments = shipments;
    }

    @Override
    FeedCommand command(JsonNode record, UUID newId) {
        TrackingEvent event = format().as(record, TrackingEvent.class);
        ShipmentId shipment = shipment(event);
        Object command = switch (event.status()) {
            case PICKED_UP -> new DispatchShipment(shipment, event.at());
            case CHECKPOINT -> new RecordCheckpoint(shipment, event.location(), event.at(), event.note());
            case DELAYED -> new ReportDelay(shipment, event.newEta(), event.reason());
            case DELIVERED -> new ConfirmDelivery(shipment, event.at(), event.receivedBy());
            case EXCEPTION -> new ReportShipmentException(shipment, event.exceptionType(), event.note());
        };
        return FeedCommand.changing(command, shipment.aggregateId());
    }

    private ShipmentId shipment(TrackingEvent event) {
        if (event.shipmentId() != null) {
            return new ShipmentId(PathPatterns.uuid(event.shipmentId()));
        }
        List<ShipmentId> carrying = shipments.byTrackingNumber(event.trackingNumber(), event.carrier());
        if (carrying.isEmpty()) {
            throw new RecordRefused("UNKNOWN_TRACKING_NUMBER", "No shipment has tracking number " + event.trackingNumber()
                    + (event.carrier() == null ? "" : " with carrier " + event.carrier()));
        }
        if (carrying.size() > 1) {
            throw new RecordRefused("AMBIGUOUS_TRACKING_NUMBER", carrying.size() + " shipments have tracking number "
                    + event.trackingNumber() + (event.carrier() == null ? "; name the carrier" : " with carrier " + event.carrier()));
        }
        return carrying.get(0);
    }
}
