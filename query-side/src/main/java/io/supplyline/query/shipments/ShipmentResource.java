package io.supplyline.query.shipments;

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

/** The shipment board; the id in paths is the UUID of {@code shipment:{uuid}}. */
@Path("/shipments")
@Tag(name = "Shipments", description = "The shipment board: status, last checkpoint, arrival estimate, delays")
@RolesAllowed("analyst")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentResource {

    private static final String SORTABLE = "-?(eta|promisedDeliveryDate|dispatchedAt|deliveredAt|status|carrier|updatedAt)";
    /** Late: the estimate moved past the promise, or the estimate has passed and it has not arrived. */
    private static final String DELAYED = "(eta > promisedDeliveryDate or (eta < :today and status in :onTheWay))";

    private final ReadAfter readAfter;
    private final ShipmentProjection shipments;
    private final Clock clock = Clock.systemUTC();

    ShipmentResource(ReadAfter readAfter, ShipmentProjection shipments) {
        this.readAfter = readAfter;
        this.shipments = shipments;
    }

    @GET
    @Operation(operationId = "listShipments", summary = "Shipments",
            description = "`delayed=true`: the estimate moved past the promise, or it has passed and the shipment "
                    + "has not arrived.")
    public PageView<ShipmentView> list(
            @QueryParam("status") @Pattern(regexp = "CREATED|DISPATCHED|DELIVERED|VOID") String status,
            @QueryParam("delayed") @Pattern(regexp = "true|false") String delayed,
            @QueryParam("warehouse") @Pattern(regexp = BusinessKey.PATTERN) String warehouse,
            @QueryParam("carrier") @Pattern(regexp = ".{1,100}") String carrier,
            @QueryParam("sort") @DefaultValue("eta") @Pattern(regexp = SORTABLE) String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Filters.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
            @HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, shipments);
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> lateness = Map.of("today", today,
                "onTheWay", List.of(ShipmentStatus.CREATED, ShipmentStatus.DISPATCHED));
        return new Filters()
                .equal("status", status == null ? null : ShipmentStatus.valueOf(status))
                .equal("warehouse", warehouse)
                .equal("carrier", carrier)
                .when("true".equals(delayed), DELAYED, lateness)
                .when("false".equals(delayed), "not " + DELAYED, lateness)
                .page((query, order, parameters) -> ShipmentRow.<ShipmentRow>find(query, order, parameters), sort, page, size,
                        row -> ShipmentView.of(row, today));
    }

    /** One shipment; with {@code minVersion} it waits (bounded) until the write with that version is visible. */
    @GET
    @Path("/{id}")
    @Operation(operationId = "getShipment", summary = "One shipment",
            extensions = @Extension(name = PROBLEM_CODES, value = "NOT_FOUND"))
    public ShipmentView one(@PathParam("id") @Pattern(regexp = PathPatterns.SHIPMENT_ID) String id,
                            @QueryParam("minVersion") @Min(0) Long minVersion,
                            @HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, shipments);
        String aggregateId = "shipment:" + PathPatterns.bare(id).toLowerCase();
        LocalDate today = LocalDate.now(clock);
        Supplier<Optional<ShipmentView>> read = () -> Optional.ofNullable(ShipmentRow.<ShipmentRow>findById(aggregateId))
                .filter(row -> row.status != null)
                .map(row -> ShipmentView.of(row, today));
        return readAfter.item(read, minVersion, ShipmentView::version, "No shipment " + id);
    }
}
