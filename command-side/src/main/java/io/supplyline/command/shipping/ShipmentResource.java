package io.supplyline.command.shipping;

import static io.supplyline.command.http.CommandApiDocument.PROBLEM_CODES;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.supplyline.command.envelope.CommandAccepted;
import io.supplyline.command.http.CommandDispatcher;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.support.http.PathPatterns;
import io.supplyline.events.shipping.ShipmentExceptionType;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.support.http.PathPatterns;

/** Shipments of allocated orders; paths take the id the creating answer carries ({@code shipment:…}) or its UUID alone. */
@Path("/shipments")
@Tag(name = "Shipments", description = "The shipment of an allocated order, from creation to delivery")
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
    @Operation(operationId = "createShipment", summary = "Create the shipment of an allocated order",
            description = "Its id is `shipment:{uuid}`; one shipment per order.",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_ORDER ORDER_HAS_SHIPMENT "
                    + "ORDER_CANCELLED ORDER_ALREADY_SHIPPED ORDER_NOT_ALLOCATED"))
    @APIResponseSchema(value = CommandAccepted.class, responseCode = "201", responseDescription = "Created")
    public Response create(@NotNull @Valid CreateShipmentRequest body) {
        return commands.create(new CreateShipment(new ShipmentId(commands.newId()), new SalesOrderId(PathPatterns.uuid(body.orderId())),
                body.carrier(), body.trackingNumber(), body.promisedDeliveryDate()));
    }

    @POST
    @Path("/{id}/dispatch")
    @Operation(operationId = "dispatchShipment", summary = "Dispatch a shipment",
            description = "The order counts as shipped from now on; its reserved stock is then issued.",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_AGGREGATE SHIPMENT_VOID "
                    + "SHIPMENT_ALREADY_DISPATCHED ORDER_CANCELLED ORDER_ALREADY_SHIPPED ORDER_NOT_ALLOCATED"))
    @APIResponseSchema(value = CommandAccepted.class, responseDescription = "Dispatched")
    public Response dispatch(@PathParam("id") @Pattern(regexp = PathPatterns.SHIPMENT_ID) String id,
                             @NotNull @Valid DispatchRequest body) {
        ShipmentId shipment = shipment(id);
        return commands.update(new DispatchShipment(shipment, body.at()), shipment.aggregateId());
    }

    @POST
    @Path("/{id}/checkpoints")
    @Operation(operationId = "recordCheckpoint", summary = "Record where a dispatched shipment is",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_AGGREGATE SHIPMENT_VOID "
                    + "SHIPMENT_NOT_DISPATCHED SHIPMENT_ALREADY_DELIVERED"))
    @APIResponseSchema(value = CommandAccepted.class, responseDescription = "Recorded")
    public Response checkpoint(@PathParam("id") @Pattern(regexp = PathPatterns.SHIPMENT_ID) String id,
                               @NotNull @Valid CheckpointRequest body) {
        ShipmentId shipment = shipment(id);
        return commands.update(new RecordCheckpoint(shipment, body.location(), body.at(), body.note()),
                shipment.aggregateId());
    }

    @POST
    @Path("/{id}/delays")
    @Operation(operationId = "reportDelay", summary = "Report a later arrival date",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_AGGREGATE SHIPMENT_VOID "
                    + "SHIPMENT_ALREADY_DELIVERED DELAY_NOT_LATER"))
    @APIResponseSchema(value = CommandAccepted.class, responseDescription = "Reported")
    public Response delay(@PathParam("id") @Pattern(regexp = PathPatterns.SHIPMENT_ID) String id,
                          @NotNull @Valid DelayRequest body) {
        ShipmentId shipment = shipment(id);
        return commands.update(new ReportDelay(shipment, body.newEta(), body.reason()), shipment.aggregateId());
    }

    @POST
    @Path("/{id}/delivery")
    @Operation(operationId = "confirmDelivery", summary = "Confirm a delivery",
            description = "The order is then delivered too.",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_AGGREGATE SHIPMENT_VOID "
                    + "SHIPMENT_NOT_DISPATCHED SHIPMENT_ALREADY_DELIVERED DELIVERY_BEFORE_DISPATCH"))
    @APIResponseSchema(value = CommandAccepted.class, responseDescription = "Delivered")
    public Response deliver(@PathParam("id") @Pattern(regexp = PathPatterns.SHIPMENT_ID) String id,
                            @NotNull @Valid DeliveryRequest body) {
        ShipmentId shipment = shipment(id);
        return commands.update(new ConfirmDelivery(shipment, body.at(), body.receivedBy()), shipment.aggregateId());
    }

    @POST
    @Path("/{id}/exceptions")
    @Operation(operationId = "reportShipmentException", summary = "Report a problem with a shipment",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_AGGREGATE EXCEPTION_TYPE_RESERVED "
                    + "SHIPMENT_ALREADY_DELIVERED"))
    @APIResponseSchema(value = CommandAccepted.class, responseDescription = "Reported")
    public Response exception(@PathParam("id") @Pattern(regexp = PathPatterns.SHIPMENT_ID) String id,
                              @NotNull @Valid ExceptionRequest body) {
        ShipmentId shipment = shipment(id);
        return commands.update(new ReportShipmentException(shipment, body.type(), body.note()), shipment.aggregateId());
    }

    private static ShipmentId shipment(String id) {
        return new ShipmentId(PathPatterns.uuid(id));
    }
}
