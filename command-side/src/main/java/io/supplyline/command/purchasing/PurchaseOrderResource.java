package io.supplyline.command.purchasing;

import static io.supplyline.command.http.CommandApiDocument.PROBLEM_CODES;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
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
import io.supplyline.events.Money;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.support.http.PathPatterns;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.PurchaseOrderLine;
import io.supplyline.events.purchasing.ReceivedLine;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.support.http.PathPatterns;

/** Purchase orders; paths take the id the placing answer carries ({@code purchase-order:…}) or its UUID alone. */
@Path("/purchase-orders")
@Tag(name = "Purchase orders", description = "Orders to suppliers and the goods received against them")
@RolesAllowed("operator")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PurchaseOrderResource {

    static final int MAX_LINES = 100;
    static final int MAX_QUANTITY = 1_000_000;

    public record MoneyRequest(
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    @Schema(name = "PurchaseOrderLineRequest")
    public record OrderLineRequest(
            @NotNull @Pattern(regexp = BusinessKey.PATTERN) String sku,
            @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity,
            @NotNull @Valid MoneyRequest unitPrice) {
    }

    public record PlacePurchaseOrderRequest(
            @NotNull @Pattern(regexp = BusinessKey.PATTERN) String supplier,
            @NotNull @Pattern(regexp = BusinessKey.PATTERN) String warehouse,
            @NotNull LocalDate expectedDeliveryDate,
            @NotEmpty @Size(max = MAX_LINES) List<@NotNull @Valid OrderLineRequest> lines) {
    }

    public record ReceivedLineRequest(
            @NotNull @Pattern(regexp = BusinessKey.PATTERN) String sku,
            @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {
    }

    public record ReceiveGoodsRequest(@NotEmpty @Size(max = MAX_LINES) List<@NotNull @Valid ReceivedLineRequest> lines) {
    }

    public record CancelPurchaseOrderRequest(@NotBlank @Size(max = 500) String reason) {
    }

    private final CommandDispatcher commands;

    PurchaseOrderResource(CommandDispatcher commands) {
        this.commands = commands;
    }

    @POST
    @Operation(operationId = "placePurchaseOrder", summary = "Place a purchase order",
            description = "Its id is `purchase-order:{uuid}`; the same caller and Idempotency-Key always give the "
                    + "same id.",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_SUPPLIER UNKNOWN_WAREHOUSE "
                    + "UNKNOWN_PRODUCT SUPPLIER_SUSPENDED PRODUCT_DISCONTINUED DUPLICATE_LINE"))
    @APIResponseSchema(value = CommandAccepted.class, responseCode = "201", responseDescription = "Placed")
    public Response place(@NotNull @Valid PlacePurchaseOrderRequest body) {
        List<PurchaseOrderLine> lines = body.lines().stream()
                .map(line -> new PurchaseOrderLine(new Sku(line.sku()), Quantity.of(line.quantity()), money(line.unitPrice())))
                .toList();
        return commands.create(new PlacePurchaseOrder(new PurchaseOrderId(commands.newId()), new SupplierCode(body.supplier()),
                new WarehouseCode(body.warehouse()), body.expectedDeliveryDate(), lines));
    }

    @POST
    @Path("/{id}/receipts")
    @Operation(operationId = "receiveGoods", summary = "Receive goods against a purchase order",
            description = "The goods then go into stock in the order's warehouse by themselves.",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_AGGREGATE PO_CLOSED UNKNOWN_PO_LINE "
                    + "DUPLICATE_LINE OVER_RECEIPT"))
    @APIResponseSchema(value = CommandAccepted.class, responseDescription = "Received")
    public Response receive(@PathParam("id") @Pattern(regexp = PathPatterns.PURCHASE_ORDER_ID) String id,
                            @NotNull @Valid ReceiveGoodsRequest body) {
        PurchaseOrderId order = new PurchaseOrderId(PathPatterns.uuid(id));
        List<ReceivedLine> lines = body.lines().stream()
                .map(line -> new ReceivedLine(new Sku(line.sku()), Quantity.of(line.quantity())))
                .toList();
        return commands.update(new ReceiveGoods(order, lines), order.aggregateId());
    }

    @POST
    @Path("/{id}/cancellation")
    @Operation(operationId = "cancelPurchaseOrder", summary = "Cancel a purchase order",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_AGGREGATE PO_CLOSED PO_HAS_RECEIPTS"))
    @APIResponseSchema(value = CommandAccepted.class, responseDescription = "Cancelled")
    public Response cancel(@PathParam("id") @Pattern(regexp = PathPatterns.PURCHASE_ORDER_ID) String id,
                           @NotNull @Valid CancelPurchaseOrderRequest body) {
        PurchaseOrderId order = new PurchaseOrderId(PathPatterns.uuid(id));
        return commands.update(new CancelPurchaseOrder(order, body.reason()), order.aggregateId());
    }

    private static Money money(MoneyRequest price) {
        try {
            Currency.getInstance(price.currency());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("unitPrice.currency " + price.currency() + " is not an ISO 4217 currency");
        }
        return new Money(price.amount(), price.currency());
    }
}
