package io.supplyline.query.admin;

import static io.supplyline.query.http.QueryApiDocument.PROBLEM_CODES;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Events the projections could not apply, for admins: see them, retry their sequence, or drop it. */
@Path("/admin/dead-letters")
@Tag(name = "Administration")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private static final String ID = "[0-9a-fA-F-]{1,64}";

    /** How many parked events were dropped. */
    public record Evicted(int evicted) {
    }

    private final DeadLetters deadLetters;

    DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(operationId = "listDeadLetters",
            summary = "The events the projections parked because they could not apply them")
    public List<DeadLetters.DeadLetterView> list() {
        return deadLetters.list();
    }

    /** Applies the parked sequence this letter belongs to, in order, until an event fails again. */
    @POST
    @Path("/{id}/retry")
    @Operation(operationId = "retryDeadLetter", summary = "Apply a parked event's sequence again, in order",
            description = "Stops at the first event that fails again; it stays parked with the new cause.",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_DEAD_LETTER"))
    public DeadLetters.RetryOutcome retry(@PathParam("id") @Pattern(regexp = ID) String id) {
        return deadLetters.retry(id);
    }

    /** Drops the parked sequence this letter belongs to; the aggregate's next events flow again. */
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "evictDeadLetter", summary = "Drop a parked event's sequence for good",
            description = "Those events will not be applied; the aggregate's next events flow again.",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_DEAD_LETTER"))
    public Evicted evict(@PathParam("id") @Pattern(regexp = ID) String id) {
        return new Evicted(deadLetters.evict(id));
    }
}
