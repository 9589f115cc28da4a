package io.supplyline.query.stock;

import static io.supplyline.query.http.QueryApiDocument.PROBLEM_CODES;

import java.sql.SQLException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.supplyline.query.http.InstantParameter;
import io.supplyline.query.http.Refusal;

/** The stock network as it was at an instant, for auditors. */
@Path("/audit/stock-levels")
@Tag(name = "Audit", description = "The read models as they were at an instant")
@RolesAllowed("auditor")
@Produces(MediaType.APPLICATION_JSON)
public class StockAsOfResource {

    private final StockAsOf stockAsOf;

    StockAsOfResource(StockAsOf stockAsOf) {
        this.stockAsOf = stockAsOf;
    }

    /** Replays the stock-levels projection over the topic up to {@code asOf}: seconds for a large topic. */
    @GET
    @Operation(operationId = "getStockLevelsAsOf", summary = "Every stock level as it was at an instant",
            description = "Replays the topic up to `asOf` (an ISO-8601 instant with offset) into scratch tables: "
                    + "seconds for a large topic.",
            extensions = @Extension(name = PROBLEM_CODES, value = "AS_OF_NEEDS_POSTGRESQL TOO_MANY_AUDIT_REQUESTS"))
    public StockAsOf.Network asOf(@QueryParam("asOf") @NotNull @Pattern(regexp = InstantParameter.PATTERN) String asOf)
            throws SQLException {
        if (!stockAsOf.available()) {
            throw new Refusal(409, "AS_OF_NEEDS_POSTGRESQL",
                    "Replaying into scratch tables needs PostgreSQL schemas; this instance runs on H2");
        }
        return stockAsOf.at(InstantParameter.parse("asOf", asOf));
    }
}
