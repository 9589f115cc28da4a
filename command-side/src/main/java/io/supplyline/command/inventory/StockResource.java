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

    public record ReceiveStockRequest(
            @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity,
            @Size(max = 100) String reference) {
    }

    public record AdjustStockRequest(
            @NotNull @Min(-MAX_QUANTITY) @Max(MAX_QUANTITY) Integer delta,
            @NotNull AdjustmentReason reason,
            @Size(max = 500) String note) {
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
}
