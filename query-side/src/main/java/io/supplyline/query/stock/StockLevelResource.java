package io.supplyline.query.stock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.supplyline.events.BusinessKey;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.query.http.PageView;
import io.supplyline.query.http.ReadAfter;

@Path("/stock-levels")
@RolesAllowed("analyst")
@Produces(MediaType.APPLICATION_JSON)
public class StockLevelResource {

    /** Keeps page x size (at most 500) within an int offset. */
    private static final int MAX_PAGE = 1_000_000;
    private static final String SORTABLE = "-?(sku|warehouse|onHand|available|status|updatedAt)";

    private final ReadAfter readAfter;

    StockLevelResource(ReadAfter readAfter) {
        this.readAfter = readAfter;
    }

    @GET
    public PageView<StockLevelView> list(
            @QueryParam("warehouse") @Pattern(regexp = BusinessKey.PATTERN) String warehouse,
            @QueryParam("sku") @Pattern(regexp = BusinessKey.PATTERN) String sku,
            @QueryParam("status") @Pattern(regexp = "OK|LOW|OUT") String status,
            @QueryParam("sort") @DefaultValue("sku") @Pattern(regexp = SORTABLE) String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (warehouse != null) {
            where.add("warehouse = :warehouse");
            parameters.put("warehouse", warehouse);
        }
        if (sku != null) {
            where.add("sku = :sku");
            parameters.put("sku", sku);
        }
        if (status != null) {
            where.add("status = :status");
            parameters.put("status", StockStatus.valueOf(status));
        }
        var query = StockLevel.<StockLevel>find(String.join(" and ", where), sortBy(sort), parameters)
                .page(Page.of(page, size));
        List<StockLevelView> items = query.list().stream().map(StockLevelView::of).toList();
        return new PageView<>(items, page, size, query.count());
    }

    /** One item; with {@code minVersion} it waits (bounded) until the write with that version is visible. */
    @GET
    @Path("/{warehouse}/{sku}")
    public StockLevelView one(@PathParam("warehouse") @Pattern(regexp = BusinessKey.PATTERN) String warehouse,
                              @PathParam("sku") @Pattern(regexp = BusinessKey.PATTERN) String sku,
                              @QueryParam("minVersion") @Min(0) Long minVersion) {
        String id = StockItemId.of(warehouse, sku).aggregateId();
        Supplier<Optional<StockLevelView>> read =
                () -> Optional.ofNullable(StockLevel.<StockLevel>findById(id)).map(StockLevelView::of);
        Optional<StockLevelView> level = minVersion == null ? read.get()
                : readAfter.await(read, view -> view.version() >= minVersion);
        return level.orElseThrow(() -> new NotFoundException("No stock of " + sku + " in " + warehouse));
    }

    @GET
    @Path("/by-sku/{sku}")
    public NetworkStockView network(@PathParam("sku") @Pattern(regexp = BusinessKey.PATTERN) String sku) {
        List<StockLevelView> levels = StockLevel.<StockLevel>list("sku", Sort.by("warehouse"), sku).stream()
                .map(StockLevelView::of).toList();
        if (levels.isEmpty()) {
            throw new NotFoundException("No stock of " + sku + " anywhere");
        }
        return NetworkStockView.of(sku, ProductPolicy.reorderPointOf(sku), levels);
    }

    private static Sort sortBy(String sort) {
        boolean descending = sort.startsWith("-");
        String column = descending ? sort.substring(1) : sort;
        Sort order = descending ? Sort.descending(column) : Sort.ascending(column);
        return order.and("id");
    }
}
