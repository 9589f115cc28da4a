package io.supplyline.query.admin;

import static io.supplyline.query.http.QueryApiDocument.PROBLEM_CODES;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the projections are doing, and their rebuilds, for admins. */
@Path("/admin/projections")
@Tag(name = "Administration", description = "Projections, their rebuilds and the events they could not apply")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionAdminResource {

    /** The projections queued for a rebuild, and where to follow it. */
    public record RebuildQueued(List<String> queued, String status) {
    }

    private final ProjectionAdmin admin;
    private final Rebuilds rebuilds;

    ProjectionAdminResource(ProjectionAdmin admin, Rebuilds rebuilds) {
        this.admin = admin;
        this.rebuilds = rebuilds;
    }

    @GET
    @Operation(operationId = "listProjections", summary = "Each projection: status, position, lag, latest rebuild")
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
    @Operation(operationId = "rebuildProjection",
            summary = "Rebuild a projection, or `all` of them, from the start of the topic",
            description = "Replays into fresh tables while the live ones keep answering, then switches; progress "
                    + "under `GET /admin/projections`.",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_PROJECTION REBUILD_NEEDS_POSTGRESQL "
                    + "REBUILD_RUNNING"))
    @APIResponseSchema(value = RebuildQueued.class, responseCode = "202", responseDescription = "Queued")
    public Response rebuild(@PathParam("name") @Pattern(regexp = "[a-z-]{1,40}") String name) {
        List<String> queued = rebuilds.start(name);
        return Response.accepted(new RebuildQueued(queued, "/admin/projections")).build();
    }
}
