package io.supplyline.query.stock;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.supplyline.query.http.Refusal;

/** The stock network as it was at an instant, for auditors. */
@Path("/audit/stock-levels")
@RolesAllowed("auditor")
@Produces(MediaType.APPLICATION_JSON)
public class StockAsOfResource {

    /** An ISO-8601 instant with an offset, e.g. 2026-11-26T08:00:00Z. */
    static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})";

    private final StockAsOf stockAsOf;

    StockAsOfResource(StockAsOf stockAsOf) {
        this.stockAsOf = stockAsOf;
    }

    /** Replays the stock-levels projection over the topic up to {@code asOf}: seconds for a large topic. */
    @GET
    public StockAsOf.Network asOf(@QueryParam("asOf") @NotNull @Pattern(regexp = INSTANT) String asOf) throws SQLException {
        if (!stockAsOf.available()) {
            throw new Refusal(409, "AS_OF_NEEDS_POSTGRESQL",
                    "Replaying into scratch tables needs PostgreSQL schemas; this instance runs on H2");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refusal(400, "INVALID_PARAMETER", "asOf is not an instant: " + asOf);
        }
        return stockAsOf.at(instant);
    }
}
