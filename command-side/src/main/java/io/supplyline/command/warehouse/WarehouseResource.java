package io.supplyline.command.warehouse;

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

import io.supplyline.command.http.CommandDispatcher;
import io.supplyline.events.BusinessKey;
import io.supplyline.events.warehouse.WarehouseCode;

@Path("/warehouses")
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
    public Response register(@NotNull @Valid RegisterWarehouseRequest body) {
        return commands.create(new RegisterWarehouse(new WarehouseCode(body.code()), body.name(), body.city(),
                body.country()));
    }
}
