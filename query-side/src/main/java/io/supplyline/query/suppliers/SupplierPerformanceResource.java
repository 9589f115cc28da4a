package io.supplyline.query.suppliers;

import static io.supplyline.query.http.QueryApiDocument.PROBLEM_CODES;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.TypedQuery;
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

import io.supplyline.query.http.Filters;
import io.supplyline.query.http.PageView;
import io.supplyline.query.http.ReadAfter;
import io.supplyline.support.http.PathPatterns;

/** Supplier performance, summed from this read model's own purchase-order rows at the time of reading. */
@Path("/suppliers")
@Tag(name = "Suppliers", description = "Supplier performance: on-time rate, fill rate, lead time, late orders")
@RolesAllowed("analyst")
@Produces(MediaType.APPLICATION_JSON)
public class SupplierPerformanceResource {

    /** One row per supplier: counts, units and lead times of its purchase orders, as of {@code :today}. */
    private static final String TOTALS = """
            select o.supplier, count(o),
                   sum(case when o.status = 'OPEN' then 1 else 0 end),
                   sum(case when o.status = 'OPEN' and o.expectedDeliveryDate < :today then 1 else 0 end),
                   sum(case when o.status = 'RECEIVED' then 1 else 0 end),
                   sum(case when o.deliveredOnTime = true then 1 else 0 end),
                   sum(case when o.status <> 'OPEN' or o.expectedDeliveryDate <= :today then o.unitsReceived else 0 end),
                   sum(case when o.status <> 'OPEN' or o.expectedDeliveryDate <= :today then o.unitsOrdered else 0 end),
                   avg(o.leadTimeDays)
            from SupplierOrderRow o""";

    /** The sorts by a figure computed at read time, and the field of the view each reads. */
    private static final Map<String, Function<SupplierPerformanceView, Number>> FIGURES = Map.of(
            "onTimeRate", SupplierPerformanceView::onTimeDeliveryRate,
            "fillRate", SupplierPerformanceView::fillRate,
            "averageLeadTimeDays", SupplierPerformanceView::averageLeadTimeDays,
            "overdueOrders", SupplierPerformanceView::openLatePurchaseOrders,
            "orders", SupplierPerformanceView::purchaseOrders);
    private static final String SORTABLE =
            "-?(code|name|leadTimeDays|onTimeRate|fillRate|averageLeadTimeDays|overdueOrders|orders)";

    private final ReadAfter readAfter;
    private final SupplierPerformanceProjection suppliers;
    private final Clock clock = Clock.systemUTC();

    SupplierPerformanceResource(ReadAfter readAfter, SupplierPerformanceProjection suppliers) {
        this.readAfter = readAfter;
        this.suppliers = suppliers;
    }

    @GET
    @Path("/performance")
    @Operation(operationId = "listSupplierPerformance", summary = "The performance of every supplier",
            description = "`sort` also takes the figures: `onTimeRate` (`onTimeDeliveryRate`), `fillRate`, "
                    + "`averageLeadTimeDays`, `overdueOrders` (`openLatePurchaseOrders`) and `orders` "
                    + "(`purchaseOrders`); suppliers without the figure come last either way.")
    public PageView<SupplierPerformanceView> list(
            @QueryParam("suspended") @Pattern(regexp = "true|false") String suspended,
            @QueryParam("sort") @DefaultValue("code") @Pattern(regexp = SORTABLE) String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Filters.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
            @HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, suppliers);
        Filters filters = new Filters()
                .where("suspended = :suspended", "suspended", suspended == null ? null : Boolean.valueOf(suspended))
                .require("name is not null");
        Function<SupplierPerformanceView, Number> figure = FIGURES.get(sort.startsWith("-") ? sort.substring(1) : sort);
        if (figure != null) {
            return byFigure(filters, figure, sort.startsWith("-"), page, size);
        }
        PageView<SupplierRow> rows = filters
                .page((query, order, parameters) -> SupplierRow.<SupplierRow>find(query, order, parameters),
                        sort, page, size, row -> row);
        Map<String, Object[]> totals = totals(rows.items().stream().map(row -> row.code).toList());
        return new PageView<>(rows.items().stream().map(row -> view(row, totals.get(row.code))).toList(),
                rows.page(), rows.size(), rows.total());
    }

    /**
     * The figures are summed at read time, page by page; to place a page in the order of a figure takes every
     * supplier's. Suppliers number in the hundreds, so all are computed (their totals in one query), sorted in
     * memory (suppliers without the figure last, either way; ties by code) and the page is cut from them.
     */
    private PageView<SupplierPerformanceView> byFigure(Filters filters,
                                                       Function<SupplierPerformanceView, Number> figure,
                                                       boolean descending, int page, int size) {
        Map<String, Object[]> totals = totals(null);
        Comparator<Double> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        List<SupplierPerformanceView> sorted = SupplierRow.<SupplierRow>list(filters.condition(), filters.parameters())
                .stream()
                .map(row -> view(row, totals.get(row.code)))
                .sorted(Comparator.comparing((SupplierPerformanceView view) -> valueOf(figure, view),
                        Comparator.nullsLast(values)).thenComparing(SupplierPerformanceView::code))
                .toList();
        int from = (int) Math.min((long) page * size, sorted.size());
        return new PageView<>(sorted.subList(from, Math.min(from + size, sorted.size())), page, size, sorted.size());
    }

    private static Double valueOf(Function<SupplierPerformanceView, Number> figure, SupplierPerformanceView view) {
        Number value = figure.apply(view);
        return value == null ? null : value.doubleValue();
    }

    @GET
    @Path("/{code}/performance")
    @Operation(operationId = "getSupplierPerformance", summary = "The performance of one supplier",
            extensions = @Extension(name = PROBLEM_CODES, value = "NOT_FOUND"))
    public SupplierPerformanceView one(@PathParam("code") @Pattern(regexp = PathPatterns.SUPPLIER) String code,
                                       @HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, suppliers);
        code = PathPatterns.bare(code);
        SupplierRow row = SupplierRow.findById("supplier:" + code);
        if (row == null || row.name == null) {
            throw new NotFoundException("No supplier " + code);
        }
        return view(row, totals(List.of(code)).get(code));
    }

    /** @param codes the suppliers whose totals to sum; null for every supplier's */
    private Map<String, Object[]> totals(List<String> codes) {
        Map<String, Object[]> bySupplier = new HashMap<>();
        if (codes != null && codes.isEmpty()) {
            return bySupplier;
        }
        String suppliers = codes == null ? "" : " where o.supplier in :suppliers";
        TypedQuery<Object[]> query = SupplierOrderRow.getEntityManager()
                .createQuery(TOTALS + suppliers + " group by o.supplier", Object[].class)
                .setParameter("today", LocalDate.now(clock));
        if (codes != null) {
            query.setParameter("suppliers", codes);
        }
        query.getResultList().forEach(total -> bySupplier.put((String) total[0], total));
        return bySupplier;
    }

    private static SupplierPerformanceView view(SupplierRow row, Object[] total) {
        long orders = count(total, 1);
        long delivered = count(total, 4);
        long unitsDue = count(total, 7);
        Double averageLeadTime = total == null || total[8] == null ? null : round(((Number) total[8]).doubleValue(), 2);
        return new SupplierPerformanceView(row.code, row.name, row.leadTimeDays, row.suspended, orders,
                count(total, 2), count(total, 3), delivered,
                delivered == 0 ? null : round((double) count(total, 5) / delivered, 4),
                unitsDue == 0 ? null : round((double) count(total, 6) / unitsDue, 4),
                averageLeadTime, row.version);
    }

    private static long count(Object[] total, int column) {
        return total == null || total[column] == null ? 0 : ((Number) total[column]).longValue();
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
