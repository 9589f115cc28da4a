package io.supplyline.command.inventory;

import static io.supplyline.command.http.CommandApiDocument.PROBLEM_CODES;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import io.supplyline.events.Quantity;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.support.http.PathPatterns;

@Path("/stock/{warehouse}/{sku}")
@Tag(name = "Stock",
        description = "Stock of one SKU in one warehouse (`stock:{warehouse}:{sku}`), created by its first movement")
@RolesAllowed("operator")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StockResource {

    static final int MAX_QUANTITY = 1_000_000;
    /** The adjustment's note also says what was counted and what was on record, within its 500 characters. */
    static final int MAX_COUNT_NOTE = 400;

    public record ReceiveStockRequest(
            @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity,
            @Size(max = 100) String reference) {
    }

    public record AdjustStockRequest(
            @NotNull @Min(-MAX_QUANTITY) @Max(MAX_QUANTITY) Integer delta,
            @NotNull AdjustmentReason reason,
            @Size(max = 500) String note) {
    }

    public record CountStockRequest(
            @NotNull @Min(0) @Max(MAX_QUANTITY) Integer counted,
            @Size(max = MAX_COUNT_NOTE) String note) {
    }

    private final CommandDispatcher commands;

    StockResource(CommandDispatcher commands) {
        this.commands = commands;
    }

    @POST
    @Path("/receipts")
    @Operation(operationId = "receiveStock", summary = "Receive stock",
            description = "Adds to on hand; outside purchase orders (their receipts go into stock by themselves).",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_PRODUCT UNKNOWN_WAREHOUSE"))
    @APIResponseSchema(value = CommandAccepted.class, responseDescription = "Received")
    public Response receive(@PathParam("warehouse") @Pattern(regexp = PathPatterns.WAREHOUSE) String warehouse,
                            @PathParam("sku") @Pattern(regexp = PathPatterns.SKU) String sku,
                            @NotNull @Valid ReceiveStockRequest body) {
        StockItemId item = StockItemId.of(PathPatterns.bare(warehouse), PathPatterns.bare(sku));
        return commands.update(new ReceiveStock(item, Quantity.of(body.quantity()), body.reference()), item.aggregateId());
    }

    @POST
    @Path("/adjustments")
    @Operation(operationId = "adjustStock", summary = "Adjust stock",
            description = "Changes on hand by `delta` (negative removes), with a reason code.",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_PRODUCT UNKNOWN_WAREHOUSE "
                    + "ZERO_ADJUSTMENT NEGATIVE_STOCK BELOW_RESERVED"))
    @APIResponseSchema(value = CommandAccepted.class, responseDescription = "Adjusted")
    public Response adjust(@PathParam("warehouse") @Pattern(regexp = PathPatterns.WAREHOUSE) String warehouse,
                           @PathParam("sku") @Pattern(regexp = PathPatterns.SKU) String sku,
                           @NotNull @Valid AdjustStockRequest body) {
        StockItemId item = StockItemId.of(PathPatterns.bare(warehouse), PathPatterns.bare(sku));
        return commands.update(new AdjustStock(item, body.delta(), body.reason(), body.note()), item.aggregateId());
    }

    @POST
    @Path("/counts")
    @Operation(operationId = "countStock", summary = "Record a stock count",
            description = "Sets on hand to what was counted, as a `CYCLE_COUNT` adjustment of the difference (0 when "
                    + "it matches, recorded too).",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_PRODUCT UNKNOWN_WAREHOUSE "
                    + "BELOW_RESERVED"))
    @APIResponseSchema(value = CommandAccepted.class, responseDescription = "Counted")
    public Response count(@PathParam("warehouse") @Pattern(regexp = PathPatterns.WAREHOUSE) String warehouse,
                          @PathParam("sku") @Pattern(regexp = PathPatterns.SKU) String sku,
                          @NotNull @Valid CountStockRequest body) {
        StockItemId item = StockItemId.of(PathPatterns.bare(warehouse), PathPatterns.bare(sku));
        return commands.update(new CountStock(item, body.counted(), body.note()), item.aggregateId());
    }
}
