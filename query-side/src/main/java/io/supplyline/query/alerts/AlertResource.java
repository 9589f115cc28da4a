package io.supplyline.query.alerts;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.supplyline.events.BusinessKey;
import io.supplyline.query.http.Filters;
import io.supplyline.query.http.PageView;
import io.supplyline.query.http.ReadAfter;

@Path("/alerts")
@Tag(name = "Alerts", description = "Low stock, stockouts, overdue orders, delays, anomalies: open and resolved")
@RolesAllowed("analyst")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private static final String TYPES =
            "LOW_STOCK|STOCKOUT|PROJECTED_STOCKOUT|DEMAND_SPIKE|OVERDUE_PURCHASE_ORDER|DELAYED_SHIPMENT|ANOMALOUS_ADJUSTMENT";

    private final ReadAfter readAfter;
    private final AlertProjection alerts;

    AlertResource(ReadAfter readAfter, AlertProjection alerts) {
        this.readAfter = readAfter;
        this.alerts = alerts;
    }

    /** Newest first by default; {@code subject} is an aggregate id such as {@code stock:BER-1:PALLET-EUR}. */
    @GET
    @Operation(operationId = "listAlerts", summary = "Alerts, newest first by default")
    public PageView<AlertView> list(
            @QueryParam("state") @Pattern(regexp = "OPEN|RESOLVED") String state,
            @QueryParam("type") @Pattern(regexp = TYPES) String type,
            @QueryParam("warehouse") @Pattern(regexp = BusinessKey.PATTERN) String warehouse,
            @QueryParam("subject") @Pattern(regexp = "[A-Za-z0-9._:/-]{1,200}") String subject,
            @QueryParam("sort") @DefaultValue("-openedAt") @Pattern(regexp = "-?(openedAt|resolvedAt|type)") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Filters.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
            @HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, alerts);
        return new Filters()
                .equal("open", state == null ? null : "OPEN".equals(state))
                .equal("type", type == null ? null : AlertType.valueOf(type))
                .equal("warehouse", warehouse)
                .equal("subject", subject)
                .page((query, order, parameters) -> Alert.<Alert>find(query, order, parameters), sort, page, size,
                        AlertView::of);
    }
}
