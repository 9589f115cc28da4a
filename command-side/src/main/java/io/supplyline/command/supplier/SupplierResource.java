package io.supplyline.command.supplier;

import static io.supplyline.command.http.CommandApiDocument.PROBLEM_CODES;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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

import io.supplyline.command.envelope.CommandAccepted;
import io.supplyline.command.http.CommandDispatcher;
import io.supplyline.events.BusinessKey;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.support.http.PathPatterns;

@Path("/suppliers")
@Tag(name = "Suppliers", description = "Companies the business buys from; a suspended one gets no new purchase orders")
@RolesAllowed("operator")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SupplierResource {

    public record RegisterSupplierRequest(
            @NotNull @Pattern(regexp = BusinessKey.PATTERN) String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Min(0) @Max(365) Integer leadTimeDays) {
    }

    public record SuspendSupplierRequest(@NotBlank @Size(max = 500) String reason) {
    }

    private final CommandDispatcher commands;

    SupplierResource(CommandDispatcher commands) {
        this.commands = commands;
    }

    @POST
    @Operation(operationId = "registerSupplier", summary = "Register a supplier",
            description = "The code is the supplier's key: `supplier:{code}` is its id.",
            extensions = @Extension(name = PROBLEM_CODES, value = "SUPPLIER_ALREADY_REGISTERED"))
    @APIResponseSchema(value = CommandAccepted.class, responseCode = "201", responseDescription = "Registered")
    public Response register(@NotNull @Valid RegisterSupplierRequest body) {
        return commands.create(new RegisterSupplier(new SupplierCode(body.code()), body.name(), body.leadTimeDays()));
    }

    @POST
    @Path("/{code}/suspension")
    @Operation(operationId = "suspendSupplier", summary = "Suspend a supplier",
            description = "New purchase orders can no longer name it; open ones stay.",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_AGGREGATE SUPPLIER_ALREADY_SUSPENDED"))
    @APIResponseSchema(value = CommandAccepted.class, responseDescription = "Suspended")
    public Response suspend(@PathParam("code") @Pattern(regexp = PathPatterns.SUPPLIER) String code,
                            @NotNull @Valid SuspendSupplierRequest body) {
        SupplierCode supplier = new SupplierCode(PathPatterns.bare(code));
        return commands.update(new SuspendSupplier(supplier, body.reason()), supplier.aggregateId());
    }

    /** Takes no body (or an empty JSON object). */
    @POST
    @Path("/{code}/reinstatement")
    @Operation(operationId = "reinstateSupplier", summary = "Reinstate a suspended supplier",
            description = "Takes no body (or an empty JSON object).",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_AGGREGATE SUPPLIER_NOT_SUSPENDED"))
    @APIResponseSchema(value = CommandAccepted.class, responseDescription = "Reinstated")
    public Response reinstate(@PathParam("code") @Pattern(regexp = PathPatterns.SUPPLIER) String code) {
        SupplierCode supplier = new SupplierCode(PathPatterns.bare(code));
        return commands.update(new ReinstateSupplier(supplier), supplier.aggregateId());
    }
}
