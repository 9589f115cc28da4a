package io.supplyline.query.orders;

import static io.supplyline.query.http.QueryApiDocument.PROBLEM_CODES;

import java.util.List;
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
import io.supplyline.events.http.PathPatterns;
import io.supplyline.query.http.Filters;
import io.supplyline.query.http.PageView;
import io.supplyline.query.http.ReadAfter;

/** The order board; the id in paths is the UUID of {@code order:{uuid}}. */
@Path("/orders")
@Tag(name = "Orders", description = "The customer-order board")
@RolesAllowed("analyst")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private static final String SORTABLE = "-?(placedAt|requestedDeliveryDate|status|customer|units|updatedAt)";

    private final ReadAfter readAfter;
    private final OrderProjection orders;

    OrderResource(ReadAfter readAfter, OrderProjection orders) {
        this.readAfter = readAfter;
        this.orders = orders;
    }

    @GET
    @Operation(operationId = "listOrders", summary = "Customer orders")
    public PageView<OrderView> list(
            @QueryParam("status") @Pattern(regexp = "PLACED|BACKORDERED|ALLOCATED|SHIPPED|DELIVERED|CANCELLED") String status,
            @QueryParam("warehouse") @Pattern(regexp = BusinessKey.PATTERN) String warehouse,
            @QueryParam("customer") @Pattern(regexp = ".{1,200}") String customer,
            @QueryParam("sort") @DefaultValue("-placedAt") @Pattern(regexp = SORTABLE) String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Filters.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
            @HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, orders);
        return new Filters()
                .equal("status", status == null ? null : OrderStatus.valueOf(status))
                .equal("warehouse", warehouse)
                .equal("customer", customer)
                .page((query, order, parameters) -> OrderRow.<OrderRow>find(query, order, parameters), sort, page, size, OrderView::of);
    }

    /** One order; with {@code minVersion} it waits (bounded) until the write with that version is visible. */
    @GET
    @Path("/{id}")
    @Operation(operationId = "getOrder", summary = "One customer order",
            extensions = @Extension(name = PROBLEM_CODES, value = "NOT_FOUND"))
    public OrderView one(@PathParam("id") @Pattern(regexp = PathPatterns.ORDER_ID) String id,
                         @QueryParam("minVersion") @Min(0) Long minVersion,
                         @HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, orders);
        String aggregateId = "order:" + PathPatterns.bare(id).toLowerCase();
        Supplier<Optional<OrderView>> read = () -> Optional.ofNullable(OrderRow.<OrderRow>findById(aggregateId))
                .filter(row -> row.placedAt != null)
                .map(OrderView::of);
        return readAfter.item(read, minVersion, OrderView::version, "No order " + id);
    }
}
