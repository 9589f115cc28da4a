package io.supplyline.query.stock;

import static io.supplyline.query.http.QueryApiDocument.PROBLEM_CODES;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import io.supplyline.events.BusinessKey;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.query.http.Filters;
import io.supplyline.query.http.PageView;
import io.supplyline.query.http.ReadAfter;
import io.supplyline.support.http.PathPatterns;

@Path("/stock-levels")
@Tag(name = "Stock levels", description = "On hand, reserved, available and inbound per warehouse and SKU")
@RolesAllowed("analyst")
@Produces(MediaType.APPLICATION_JSON)
public class StockLevelResource {

    private static final String SORTABLE = "-?(sku|warehouse|onHand|available|inbound|reserved|status|updatedAt)";
    /**
     * Part of a SKU or warehouse code, any case. The characters of codes only, so {@code %} never reaches the
     * pattern; {@code _} does and is escaped (with {@code !}, which is none of them).
     */
    private static final String SEARCH =
            "(lower(sku) like :search escape '!' or lower(warehouse) like :search escape '!')";

    private final ReadAfter readAfter;
    private final StockLevelProjection stockLevels;

    StockLevelResource(ReadAfter readAfter, StockLevelProjection stockLevels) {
        this.readAfter = readAfter;
        this.stockLevels = stockLevels;
    }

    @GET
    @Operation(operationId = "listStockLevels", summary = "Stock levels per warehouse and SKU",
            description = "`search`: part of the SKU or of the warehouse code, in any case.")
    public PageView<StockLevelView> list(
            @QueryParam("warehouse") @Pattern(regexp = BusinessKey.PATTERN) String warehouse,
            @QueryParam("sku") @Pattern(regexp = BusinessKey.PATTERN) String sku,
            @QueryParam("status") @Pattern(regexp = "OK|LOW|OUT") String status,
            @QueryParam("search") @Pattern(regexp = "[A-Za-z0-9._:/-]{1,100}") String search,
            @QueryParam("sort") @DefaultValue("sku") @Pattern(regexp = SORTABLE) String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Filters.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
            @HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, stockLevels);
        return new Filters()
                .equal("warehouse", warehouse)
                .equal("sku", sku)
                .equal("status", status == null ? null : StockStatus.valueOf(status))
                .where(SEARCH, "search", search == null ? null
                        : "%" + search.toLowerCase(Locale.ROOT).replace("_", "!_") + "%")
                .page((query, order, parameters) -> StockLevel.<StockLevel>find(query, order, parameters), sort, page, size, StockLevelView::of);
    }

    /** One item; with {@code minVersion} it waits (bounded) until the write with that version is visible. */
    @GET
    @Path("/{warehouse}/{sku}")
    @Operation(operationId = "getStockLevel", summary = "The stock level of one SKU in one warehouse",
            extensions = @Extension(name = PROBLEM_CODES, value = "NOT_FOUND"))
    public StockLevelView one(@PathParam("warehouse") @Pattern(regexp = PathPatterns.WAREHOUSE) String warehouse,
                              @PathParam("sku") @Pattern(regexp = PathPatterns.SKU) String sku,
                              @QueryParam("minVersion") @Min(0) Long minVersion,
                              @HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, stockLevels);
        warehouse = PathPatterns.bare(warehouse);
        sku = PathPatterns.bare(sku);
        String id = StockItemId.of(warehouse, sku).aggregateId();
        Supplier<Optional<StockLevelView>> read =
                () -> Optional.ofNullable(StockLevel.<StockLevel>findById(id)).map(StockLevelView::of);
        return readAfter.item(read, minVersion, StockLevelView::version, "No stock of " + sku + " in " + warehouse);
    }

    /** The item's latest {@code limit} levels, one per event of the item, oldest first. */
    @GET
    @Path("/{warehouse}/{sku}/history")
    @Operation(operationId = "getStockLevelHistory",
            summary = "The latest levels of one SKU in one warehouse, oldest first",
            description = "One point per event of the stock item, the latest `limit` of them.",
            extensions = @Extension(name = PROBLEM_CODES, value = "NOT_FOUND"))
    public StockHistoryView history(@PathParam("warehouse") @Pattern(regexp = PathPatterns.WAREHOUSE) String warehouse,
                                    @PathParam("sku") @Pattern(regexp = PathPatterns.SKU) String sku,
                                    @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit,
                                    @HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, stockLevels);
        warehouse = PathPatterns.bare(warehouse);
        sku = PathPatterns.bare(sku);
        String id = StockItemId.of(warehouse, sku).aggregateId();
        List<StockHistoryView.Point> points = new ArrayList<>(StockLevelPoint.<StockLevelPoint>find("stockItemId",
                Sort.descending("version"), id).page(0, limit).stream().map(StockHistoryView.Point::of).toList());
        if (points.isEmpty()) {
            throw new NotFoundException("No stock of " + sku + " has been recorded in " + warehouse);
        }
        Collections.reverse(points);
        return new StockHistoryView(warehouse, sku, points);
    }

    @GET
    @Path("/by-sku/{sku}")
    @Operation(operationId = "getNetworkStock", summary = "The stock of one SKU across all warehouses",
            extensions = @Extension(name = PROBLEM_CODES, value = "NOT_FOUND"))
    public NetworkStockView network(@PathParam("sku") @Pattern(regexp = PathPatterns.SKU) String sku,
                                    @HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, stockLevels);
        sku = PathPatterns.bare(sku);
        List<StockLevelView> levels = StockLevel.<StockLevel>list("sku", Sort.by("warehouse"), sku).stream()
                .map(StockLevelView::of).toList();
        if (levels.isEmpty()) {
            throw new NotFoundException("No stock of " + sku + " anywhere");
        }
        return NetworkStockView.of(sku, ProductPolicy.reorderPointOf(sku), levels);
    }
}
