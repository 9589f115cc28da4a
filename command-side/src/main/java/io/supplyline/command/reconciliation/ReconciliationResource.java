package io.supplyline.command.reconciliation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.supplyline.command.audit.AuditPermits;

/** Store against topic, on demand, for auditors. */
@Path("/audit/reconciliation")
@RolesAllowed("auditor")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    private final Reconciler reconciler;
    private final AuditPermits permits;

    ReconciliationResource(Reconciler reconciler, AuditPermits permits) {
        this.reconciler = reconciler;
        this.permits = permits;
    }

    @GET
    public Reconciliation reconcile(@QueryParam("aggregateId") @Pattern(regexp = "[^\\s]{1,255}") String aggregateId) {
        return permits.call(() -> reconciler.run(aggregateId));
    }
}
