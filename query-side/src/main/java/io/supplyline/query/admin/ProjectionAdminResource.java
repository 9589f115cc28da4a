package io.supplyline.query.admin;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What the projections are doing, and their rebuilds, for admins. */
@Path("/admin/projections")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionAdminResource {

    private final ProjectionAdmin admin;
    private final Rebuilds rebuilds;

    ProjectionAdminResource(ProjectionAdmin admin, Rebuilds rebuilds) {
        this.admin = admin;
        this.rebuilds = rebuilds;
    }

    @GET
    public List<ProjectionStatus> projections() {
        return admin.statuses().stream()
                .map(status -> status.withRebuild(rebuilds.latest(status.name()).orElse(null)))
                .toList();
    }

    /**
     * Replays the topic from its first offset into fresh tables while the live ones keep answering,
     * then switches (see {@link RebuildRun}); {@code all} rebuilds every projection, one after another.
     */
    @POST
    @Path("/{name}/rebuild")
    public Response rebuild(@PathParam("name") @Pattern(regexp = "[a-z-]{1,40}") String name) {
        List<String> queued = rebuilds.start(name);
        return Response.accepted(Map.of("queued", queued, "status", "/admin/projections")).build();
    }
}
