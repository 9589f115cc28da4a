package io.supplyline.command.catalog;

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
import io.supplyline.events.catalog.Sku;
import io.supplyline.support.http.PathPatterns;

@Path("/products")
@Tag(name = "Products", description = "The catalog: products by SKU and their reorder policies")
@RolesAllowed("operator")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    public record RegisterProductRequest(
            @NotNull @Pattern(regexp = BusinessKey.PATTERN) String sku,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 32) String unitOfMeasure,
            @NotNull @Min(0) @Max(1_000_000_000) Integer reorderPoint,
            @NotNull @Min(1) @Max(1_000_000_000) Integer reorderQuantity) {
    }

    public record ChangeReorderPolicyRequest(
            @NotNull @Min(0) @Max(1_000_000_000) Integer reorderPoint,
            @NotNull @Min(1) @Max(1_000_000_000) Integer reorderQuantity) {
    }

    public record DiscontinueProductRequest(@NotBlank @Size(max = 500) String reason) {
    }

    private final CommandDispatcher commands;

    ProductResource(CommandDispatcher commands) {
        this.commands = commands;
    }

    @POST
    @Operation(operationId = "registerProduct", summary = "Register a product",
            description = "The SKU is the product's key: `product:{sku}` is its id.",
            extensions = @Extension(name = PROBLEM_CODES, value = "PRODUCT_ALREADY_REGISTERED"))
    @APIResponseSchema(value = CommandAccepted.class, responseCode = "201", responseDescription = "Registered")
    public Response register(@NotNull @Valid RegisterProductRequest body) {
        return commands.create(new RegisterProduct(new Sku(body.sku()), body.name(), body.unitOfMeasure(),
                body.reorderPoint(), body.reorderQuantity()));
    }

    @POST
    @Path("/{sku}/reorder-policy")
    @Operation(operationId = "changeReorderPolicy", summary = "Change a product's reorder point and quantity",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_AGGREGATE PRODUCT_DISCONTINUED"))
    @APIResponseSchema(value = CommandAccepted.class, responseDescription = "Changed")
    public Response changeReorderPolicy(@PathParam("sku") @Pattern(regexp = PathPatterns.SKU) String sku,
                                        @NotNull @Valid ChangeReorderPolicyRequest body) {
        Sku product = new Sku(PathPatterns.bare(sku));
        return commands.update(new ChangeReorderPolicy(product, body.reorderPoint(), body.reorderQuantity()),
                product.aggregateId());
    }

    @POST
    @Path("/{sku}/discontinuation")
    @Operation(operationId = "discontinueProduct", summary = "Discontinue a product",
            description = "New purchase orders can no longer name it.",
            extensions = @Extension(name = PROBLEM_CODES, value = "UNKNOWN_AGGREGATE PRODUCT_DISCONTINUED"))
    @APIResponseSchema(value = CommandAccepted.class, responseDescription = "Discontinued")
    public Response discontinue(@PathParam("sku") @Pattern(regexp = PathPatterns.SKU) String sku,
                                @NotNull @Valid DiscontinueProductRequest body) {
        Sku product = new Sku(PathPatterns.bare(sku));
        return commands.update(new DiscontinueProduct(product, body.reason()), product.aggregateId());
    }
}
