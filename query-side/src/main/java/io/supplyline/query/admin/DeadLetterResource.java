package io.supplyline.query.admin;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Events the projections could not apply, for admins: see them, retry their sequence, or drop it. */
@Path("/admin/dead-letters")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private static final String ID = "[0-9a-fA-F-]{1,64}";

    private final DeadLetters deadLetters;

    DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    public List<DeadLetters.DeadLetterView> list() {
        return deadLetters.list();
    }

    /** Applies the parked sequence this letter belongs to, in order, until an event fails again. */
    @POST
    @Path("/{id}/retry")
    public DeadLetters.RetryOutcome retry(@PathParam("id") @Pattern(regexp = ID) String id) {
        return deadLetters.retry(id);
    }

    /** Drops the parked sequence this letter belongs to; the aggregate's next events flow again. */
    @DELETE
    @Path("/{id}")
    public Map<String, Integer> evict(@PathParam("id") @Pattern(regexp = ID) String id) {
        return Map.of("evicted", deadLetters.evict(id));
    }
}
