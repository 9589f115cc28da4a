package io.supplyline.query.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the projections are doing, for admins. */
@Path("/admin/projections")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionAdminResource {

    private final ProjectionAdmin admin;

    ProjectionAdminResource(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GET
    public List<ProjectionStatus> projections() {
        return admin.statuses();
    }
}
