package io.supplyline.query.alerts;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.TypedQuery;
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

    /** Counts per type, largest first, ties by type; what the list would hold with the same filters. */
    @GET
    @Path("/groups")
    @Operation(operationId = "listAlertGroups", summary = "Alerts counted by type, the largest group first",
            description = "`latestAt`: when the newest alert of the group opened.")
    public AlertGroupsView groups(
            @QueryParam("state") @Pattern(regexp = "OPEN|RESOLVED") String state,
            @QueryParam("type") @Pattern(regexp = TYPES) String type,
            @QueryParam("warehouse") @Pattern(regexp = BusinessKey.PATTERN) String warehouse,
            @HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, alerts);
        Filters filters = filters(state, type, warehouse);
        TypedQuery<Object[]> query = Alert.getEntityManager().createQuery("select type, count(*), max(openedAt)"
                + " from Alert where " + filters.condition() + " group by type order by count(*) desc, type",
                Object[].class);
        filters.parameters().forEach(query::setParameter);
        return new AlertGroupsView(query.getResultList().stream()
                .map(group -> new AlertGroupsView.Group((AlertType) group[0], (Long) group[1], (Instant) group[2]))
                .toList());
    }

    private static Filters filters(String state, String type, String warehouse) {
        return new Filters()
                .equal("open", state == null ? null : "OPEN".equals(state))
                .equal("type", type == null ? null : AlertType.valueOf(type))
                .equal("warehouse", warehouse);
    }

    /** Newest first by default; {@code subject} is an aggregate id such as {@code stock:BER-1:PALLET-EUR}. */
    @GET
    @Operation(operationId = "listAlerts", summary = "Alerts, newest first by default",
            description = "`reorderNow`: an open LOW_STOCK or STOCKOUT alert whose item has nothing on its way; order "
                    + "`suggestedReorderQuantity` (what the reorder policy suggests). `durationSeconds`: how long a "
                    + "RESOLVED alert was open, in whole seconds (null while OPEN).")
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
        return filters(state, type, warehouse)
                .equal("subject", subject)
                .page((query, order, parameters) -> Alert.<Alert>find(query, order, parameters), sort, page, size,
                        AlertView::of);
    }
}
