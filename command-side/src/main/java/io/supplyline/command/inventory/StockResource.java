package io.supplyline.command.inventory;

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

import io.supplyline.command.http.CommandDispatcher;
import io.supplyline.events.Quantity;
import io.supplyline.events.http.PathPatterns;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.StockItemId;

@Path("/stock/{warehouse}/{sku}")
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
    public Response receive(@PathParam("warehouse") @Pattern(regexp = PathPatterns.WAREHOUSE) String warehouse,
                            @PathParam("sku") @Pattern(regexp = PathPatterns.SKU) String sku,
                            @NotNull @Valid ReceiveStockRequest body) {
        StockItemId item = StockItemId.of(PathPatterns.bare(warehouse), PathPatterns.bare(sku));
        return commands.update(new ReceiveStock(item, Quantity.of(body.quantity()), body.reference()), item.aggregateId());
    }

    @POST
    @Path("/adjustments")
    public Response adjust(@PathParam("warehouse") @Pattern(regexp = PathPatterns.WAREHOUSE) String warehouse,
                           @PathParam("sku") @Pattern(regexp = PathPatterns.SKU) String sku,
                           @NotNull @Valid AdjustStockRequest body) {
        StockItemId item = StockItemId.of(PathPatterns.bare(warehouse), PathPatterns.bare(sku));
        return commands.update(new AdjustStock(item, body.delta(), body.reason(), body.note()), item.aggregateId());
    }

    @POST
    @Path("/counts")
    public Response count(@PathParam("warehouse") @Pattern(regexp = PathPatterns.WAREHOUSE) String warehouse,
                          @PathParam("sku") @Pattern(regexp = PathPatterns.SKU) String sku,
                          @NotNull @Valid CountStockRequest body) {
        StockItemId item = StockItemId.of(PathPatterns.bare(warehouse), PathPatterns.bare(sku));
        return commands.update(new CountStock(item, body.counted(), body.note()), item.aggregateId());
    }
}
