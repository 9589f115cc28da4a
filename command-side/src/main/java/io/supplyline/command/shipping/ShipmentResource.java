package io.supplyline.command.shipping;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.supplyline.command.http.CommandDispatcher;
import io.supplyline.events.http.PathPatterns;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.shipping.ShipmentExceptionType;
import io.supplyline.events.shipping.ShipmentId;

/** Shipments of allocated orders; paths take the id the creating answer carries ({@code shipment:…}) or its UUID alone. */
@Path("/shipments")
@RolesAllowed("operator")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    public record CreateShipmentRequest(
            @NotNull @Pattern(regexp = PathPatterns.ORDER_ID) String orderId,
            @NotBlank @Size(max = 100) String carrier,
            @NotBlank @Size(max = 100) String trackingNumber,
            @NotNull LocalDate promisedDeliveryDate) {
    }

    public record DispatchRequest(@NotNull Instant at) {
    }

    public record CheckpointRequest(@NotBlank @Size(max = 200) String location, @NotNull Instant at,
                                    @Size(max = 500) String note) {
    }

    public record DelayRequest(@NotNull LocalDate newEta, @NotBlank @Size(max = 500) String reason) {
    }

    public record DeliveryRequest(@NotNull Instant at, @NotBlank @Size(max = 200) String receivedBy) {
    }

    public record ExceptionRequest(@NotNull ShipmentExceptionType type, @Size(max = 500) String note) {
    }

    private final CommandDispatcher commands;

    ShipmentResource(CommandDispatcher commands) {
        this.commands = commands;
    }

    @POST
    public Response create(@NotNull @Valid CreateShipmentRequest body) {
        return commands.create(new CreateShipment(new ShipmentId(commands.newId()), new SalesOrderId(PathPatterns.uuid(body.orderId())),
                body.carrier(), body.trackingNumber(), body.promisedDeliveryDate()));
    }

    @POST
    @Path("/{id}/dispatch")
    public Response dispatch(@PathParam("id") @Pattern(regexp = PathPatterns.SHIPMENT_ID) String id,
                             @NotNull @Valid DispatchRequest body) {
        ShipmentId shipment = shipment(id);
        return commands.update(new DispatchShipment(shipment, body.at()), shipment.aggregateId());
    }

    @POST
    @Path("/{id}/checkpoints")
    public Response checkpoint(@PathParam("id") @Pattern(regexp = PathPatterns.SHIPMENT_ID) String id,
                               @NotNull @Valid CheckpointRequest body) {
        ShipmentId shipment = shipment(id);
        return commands.update(new RecordCheckpoint(shipment, body.location(), body.at(), body.note()),
                shipment.aggregateId());
    }

    @POST
    @Path("/{id}/delays")
    public Response delay(@PathParam("id") @Pattern(regexp = PathPatterns.SHIPMENT_ID) String id,
                          @NotNull @Valid DelayRequest body) {
        ShipmentId shipment = shipment(id);
        return commands.update(new ReportDelay(shipment, body.newEta(), body.reason()), shipment.aggregateId());
    }

    @POST
    @Path("/{id}/delivery")
    public Response deliver(@PathParam("id") @Pattern(regexp = PathPatterns.SHIPMENT_ID) String id,
                            @NotNull @Valid DeliveryRequest body) {
        ShipmentId shipment = shipment(id);
        return commands.update(new ConfirmDelivery(shipment, body.at(), body.receivedBy()), shipment.aggregateId());
    }

    @POST
    @Path("/{id}/exceptions")
    public Response exception(@PathParam("id") @Pattern(regexp = PathPatterns.SHIPMENT_ID) String id,
                              @NotNull @Valid ExceptionRequest body) {
        ShipmentId shipment = shipment(id);
        return commands.update(new ReportShipmentException(shipment, body.type(), body.note()), shipment.aggregateId());
    }

    private static ShipmentId shipment(String id) {
        return new ShipmentId(PathPatterns.uuid(id));
    }
}
