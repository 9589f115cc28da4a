package io.supplyline.query.orders;

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

/** The order board; the id in paths is the UUID of {@code order:{uuid}}. */
@Path("/orders")
@Tag(name = "Orders", description = "The customer-order board")
@RolesAllowed("analyst")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private static final String SORTABLE = "-?(placedAt|requestedDeliveryDate|status|customer|units|updatedAt)";
    /** Shipped after the requested day, or still to ship with that day past; false, not unknown, for the rest. */
    private static final String LATE = "((shippedOn is not null and shippedOn > requestedDeliveryDate)"
            + " or (status in :open and requestedDeliveryDate < :today))";

    private final ReadAfter readAfter;
    private final OrderProjection orders;
    private final Clock clock = Clock.systemUTC();

    OrderResource(ReadAfter readAfter, OrderProjection orders) {
        this.readAfter = readAfter;
        this.orders = orders;
    }

    @GET
    @Operation(operationId = "listOrders", summary = "Customer orders",
            description = "`open=true`: PLACED, ALLOCATED or BACKORDERED. `late=true`: shipped after the requested "
                    + "delivery date, or not shipped, not cancelled and that date before today (days in UTC). "
                    + "`shipped=true`: `shippedAt` is set.")
    public PageView<OrderView> list(
            @QueryParam("status") @Pattern(regexp = "PLACED|BACKORDERED|ALLOCATED|SHIPPED|DELIVERED|CANCELLED") String status,
            @QueryParam("open") @Pattern(regexp = "true|false") String open,
            @QueryParam("late") @Pattern(regexp = "true|false") String late,
            @QueryParam("shipped") @Pattern(regexp = "true|false") String shipped,
            @QueryParam("warehouse") @Pattern(regexp = BusinessKey.PATTERN) String warehouse,
            @QueryParam("customer") @Pattern(regexp = ".{1,200}") String customer,
            @QueryParam("sort") @DefaultValue("-placedAt") @Pattern(regexp = SORTABLE) String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Filters.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
            @HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, orders);
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> stillToShip = Map.of("open", OrderStatus.OPEN);
        Map<String, Object> lateness = Map.of("open", OrderStatus.OPEN, "today", today);
        return new Filters()
                .equal("status", status == null ? null : OrderStatus.valueOf(status))
                .when("true".equals(open), "status in :open", stillToShip)
                .when("false".equals(open), "status not in :open", stillToShip)
                .when("true".equals(late), LATE, lateness)
                .when("false".equals(late), "not " + LATE, lateness)
                .when("true".equals(shipped), "shippedAt is not null", Map.of())
                .when("false".equals(shipped), "shippedAt is null", Map.of())
                .equal("warehouse", warehouse)
                .equal("customer", customer)
                .page((query, order, parameters) -> OrderRow.<OrderRow>find(query, order, parameters), sort, page, size,
                        row -> OrderView.of(row, today));
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
        LocalDate today = LocalDate.now(clock);
        Supplier<Optional<OrderView>> read = () -> Optional.ofNullable(OrderRow.<OrderRow>findById(aggregateId))
                .filter(row -> row.placedAt != null)
                .map(row -> OrderView.of(row, today));
        return readAfter.item(read, minVersion, OrderView::version, "No order " + id);
    }
}
