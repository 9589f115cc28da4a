package io.supplyline.query.purchasing;

import static io.supplyline.query.http.QueryApiDocument.PROBLEM_CODES;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.supplyline.events.BusinessKey;
import io.supplyline.query.http.Filters;
import io.supplyline.query.http.PageView;
import io.supplyline.query.http.ReadAfter;
import io.supplyline.support.http.PathPatterns;

/** The purchase-order board; the id in paths is the UUID of {@code purchase-order:{uuid}}. */
@Path("/purchase-orders")
@Tag(name = "Purchase orders", description = "The purchase-order board: status, lines, received share, overdue")
@RolesAllowed("analyst")
@Produces(MediaType.APPLICATION_JSON)
public class PurchaseOrderResource {

    private static final String SORTABLE = "-?(expectedDeliveryDate|placedAt|status|supplier|unitsOrdered|updatedAt)";
    private static final String OVERDUE = "(expectedDeliveryDate < :today and status in :expecting)";

    private final ReadAfter readAfter;
    private final PurchaseOrderProjection purchaseOrders;
    private final Clock clock = Clock.systemUTC();

    PurchaseOrderResource(ReadAfter readAfter, PurchaseOrderProjection purchaseOrders) {
        this.readAfter = readAfter;
        this.purchaseOrders = purchaseOrders;
    }

    @GET
    @Operation(operationId = "listPurchaseOrders", summary = "Purchase orders",
            description = "`overdue=true`: expected before today and not fully received or cancelled.")
    public PageView<PurchaseOrderView> list(
            @QueryParam("status") @Pattern(regexp = "OPEN|PARTIALLY_RECEIVED|RECEIVED|CANCELLED") String status,
            @QueryParam("supplier") @Pattern(regexp = BusinessKey.PATTERN) String supplier,
            @QueryParam("warehouse") @Pattern(regexp = BusinessKey.PATTERN) String warehouse,
            @QueryParam("overdue") @Pattern(regexp = "true|false") String overdue,
            @QueryParam("sort") @DefaultValue("expectedDeliveryDate") @Pattern(regexp = SORTABLE) String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Filters.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
            @HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, purchaseOrders);
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> lateness = Map.of("today", today,
                "expecting", List.of(PurchaseOrderStatus.OPEN, PurchaseOrderStatus.PARTIALLY_RECEIVED));
        return new Filters()
                .equal("status", status == null ? null : PurchaseOrderStatus.valueOf(status))
                .equal("supplier", supplier)
                .equal("warehouse", warehouse)
                .when("true".equals(overdue), OVERDUE, lateness)
                .when("false".equals(overdue), "not " + OVERDUE, lateness)
                .page((query, order, parameters) -> PurchaseOrderRow.<PurchaseOrderRow>find(query, order, parameters),
                        sort, page, size, row -> PurchaseOrderView.of(row, today));
    }

    /** One purchase order; with {@code minVersion} it waits (bounded) until that version is visible. */
    @GET
    @Path("/{id}")
    @Operation(operationId = "getPurchaseOrder", summary = "One purchase order",
            extensions = @Extension(name = PROBLEM_CODES, value = "NOT_FOUND"))
    public PurchaseOrderView one(@PathParam("id") @Pattern(regexp = PathPatterns.PURCHASE_ORDER_ID) String id,
                                 @QueryParam("minVersion") @Min(0) Long minVersion,
                                 @HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, purchaseOrders);
        String aggregateId = "purchase-order:" + PathPatterns.bare(id).toLowerCase();
        LocalDate today = LocalDate.now(clock);
        Supplier<Optional<PurchaseOrderView>> read = () -> Optional
                .ofNullable(PurchaseOrderRow.<PurchaseOrderRow>findById(aggregateId))
                .filter(row -> row.status != null)
                .map(row -> PurchaseOrderView.of(row, today));
        return readAfter.item(read, minVersion, PurchaseOrderView::version, "No purchase order " + id);
    }
}
