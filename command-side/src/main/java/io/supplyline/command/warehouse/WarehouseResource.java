package io.supplyline.command.warehouse;

import static io.supplyline.command.http.CommandApiDocument.PROBLEM_CODES;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import io.supplyline.events.warehouse.WarehouseCode;

@Path("/warehouses")
@Tag(name = "Warehouses", description = "Where stock is kept, by warehouse code")
@RolesAllowed("operator")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WarehouseResource {

    public record RegisterWarehouseRequest(
            @NotNull @Pattern(regexp = BusinessKey.PATTERN) String code,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String city,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code") String country) {
    }

    private final CommandDispatcher commands;

    WarehouseResource(CommandDispatcher commands) {
        this.commands = commands;
    }

    @POST
    @Operation(operationId = "registerWarehouse", summary = "Register a warehouse",
            description = "The code is the warehouse's key: `warehouse:{code}` is its id.",
            extensions = @Extension(name = PROBLEM_CODES, value = "WAREHOUSE_ALREADY_REGISTERED"))
    @APIResponseSchema(value = CommandAccepted.class, responseCode = "201", responseDescription = "Registered")
    public Response register(@NotNull @Valid RegisterWarehouseRequest body) {
        return commands.create(new RegisterWarehouse(new WarehouseCode(body.code()), body.name(), body.city(),
                body.country()));
    }
}
