package io.supplyline.command.fulfilment;

import static io.supplyline.command.http.CommandApiDocument.PROBLEM_CODES;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.supplyline.command.envelope.CommandAccepted;
import io.supplyline.command.http.CommandDispatcher;
import io.supplyline.events.Quantity;
import io.supplyline.events.BusinessKey;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.support.http.PathPatterns;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.support.http.PathPatterns;

/** Customer orders; paths take the id the placing answer carries ({@code order:…}) or its UUID alone. */
@Path("/orders")
@Tag(name = "Orders", description = "Customer orders; stock is reserved for them and they ship once allocated")
@RolesAllowed("operator")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SalesOrderResource {


    @Schema(name = "SalesOrderLineRequest")
    public record OrderLineRequest(
            @NotNull @Pattern(regexp = BusinessKey.PATTERN) String sku,
            @NotNull @Min(1) @Max(1_000_000) Integer quantity) {
    }

    public record PlaceOrderRequest(
            @NotBlank @Size(max = 200) String customer,
            @NotNull @Pattern(regexp = BusinessKey.PATTERN) String warehouse,
            @NotNull LocalDate requestedDeliveryDate,
            @NotEmpty @Size(max = 100) List<@NotNull @Valid OrderLineRequest> lines) {
    }

    public record CancelOrderRequest(@NotBlank @Size(max = 500) String reason) {
    }

    private final CommandDispatcher commands;

    SalesOrderResource(CommandDispatcher commands) {
        this.commands = commands;
    }

    @POST
    @Operation(operationId = "placeOrder", summary = "Place a customer order",
            description = "Its id is `order:{uuid}`. Stock is then reserved for every line, or the order is "
                    + "backordered until it arrives.",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_WAREHOUSE UNKNOWN_PRODUCT "
                    + "DUPLICATE_LINE"))
    @APIResponseSchema(value = CommandAccepted.class, responseCode = "201", responseDescription = "Placed")
    public Response place(@NotNull @Valid PlaceOrderRequest body) {
        List<OrderLine> lines = body.lines().stream()
                .map(line -> new OrderLine(new Sku(line.sku()), Quantity.of(line.quantity())))
                .toList();
        return commands.create(new PlaceOrder(new SalesOrderId(commands.newId()), body.customer(),
                new WarehouseCode(body.warehouse()), body.requestedDeliveryDate(), lines));
    }

    @POST
    @Path("/{id}/cancellation")
    @Operation(operationId = "cancelOrder", summary = "Cancel a customer order",
            description = "Only before dispatch; its reservations are then released.",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_AGGREGATE ORDER_ALREADY_CANCELLED "
                    + "ORDER_ALREADY_SHIPPED"))
    @APIResponseSchema(value = CommandAccepted.class, responseDescription = "Cancelled")
    public Response cancel(@PathParam("id") @Pattern(regexp = PathPatterns.ORDER_ID) String id,
                           @NotNull @Valid CancelOrderRequest body) {
        SalesOrderId order = new SalesOrderId(PathPatterns.uuid(id));
        return commands.update(new CancelOrder(order, body.reason()), order.aggregateId());
    }
}
