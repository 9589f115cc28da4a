package io.supplyline.command.reconciliation;

import static io.supplyline.command.http.CommandApiDocument.PROBLEM_CODES;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.supplyline.command.audit.AuditPermits;

/** Store against topic, on demand, for auditors. */
@Path("/audit/reconciliation")
@Tag(name = "Audit")
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
    @Operation(operationId = "reconcileStoreWithTopic", summary = "Compare the event store with the Kafka topic",
            description = "Every stored event should be on the topic once, in its aggregate's order; of one aggregate "
                    + "with `aggregateId`.",
            extensions = @Extension(name = PROBLEM_CODES, value = "TOO_MANY_AUDIT_REQUESTS"))
    public Reconciliation reconcile(@QueryParam("aggregateId") @Pattern(regexp = "[^\\s]{1,255}") String aggregateId) {
        return permits.call(() -> reconciler.run(aggregateId));
    }
}
