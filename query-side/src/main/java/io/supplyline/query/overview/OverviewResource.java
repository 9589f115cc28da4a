package io.supplyline.query.overview;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import io.supplyline.query.http.InstantParameter;
import io.supplyline.query.http.ReadAfter;

@Path("/overview")
@Tag(name = "Overview", description = "Counts by status, throughput per hour and minute, the backorder trend")
@RolesAllowed("analyst")
@Produces(MediaType.APPLICATION_JSON)
public class OverviewResource {

    private final ReadAfter readAfter;
    private final OverviewProjection overview;
    private final ThroughputReader throughput;
    private final Clock clock = Clock.systemUTC();

    OverviewResource(ReadAfter readAfter, OverviewProjection overview, ThroughputReader throughput) {
        this.readAfter = readAfter;
        this.overview = overview;
        this.throughput = throughput;
    }

    @GET
    @Operation(operationId = "getOverview",
            summary = "Orders, shipments and purchase orders by status; the last 24 hours' throughput")
    public OverviewView overview(@HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, overview);
        Map<String, Long> orders = new TreeMap<>();
        Map<String, Long> shipments = new TreeMap<>();
        Map<String, Long> purchaseOrders = new TreeMap<>();
        OverviewCount.<OverviewCount>listAll().forEach(count -> {
            if (count.counter.startsWith(OverviewProjection.ORDERS)) {
                orders.put(count.counter.substring(OverviewProjection.ORDERS.length()), count.total);
            } else if (count.counter.startsWith(OverviewProjection.SHIPMENTS)) {
                shipments.put(count.counter.substring(OverviewProjection.SHIPMENTS.length()), count.total);
            } else if (count.counter.startsWith(OverviewProjection.PURCHASE_ORDERS)) {
                purchaseOrders.put(count.counter.substring(OverviewProjection.PURCHASE_ORDERS.length()), count.total);
            }
        });
        Instant since = Instant.now(clock).truncatedTo(ChronoUnit.HOURS).minus(23, ChronoUnit.HOURS);
        Map<Instant, Map<String, Long>> hours = new TreeMap<>();
        HourlyThroughput.<HourlyThroughput>list("key.hourStart >= ?1", Sort.by("key.hourStart"), since).forEach(hour ->
                hours.computeIfAbsent(hour.key.hourStart(), h -> new TreeMap<>()).put(hour.key.metric(), hour.total));
        List<OverviewView.Hour> throughput = hours.entrySet().stream()
                .map(hour -> new OverviewView.Hour(hour.getKey(), hour.getValue()))
                .toList();
        return new OverviewView(orders, shipments, purchaseOrders, throughput);
    }

    @GET
    @Path("/throughput")
    @Operation(operationId = "getThroughput", summary = "Throughput and the backorder trend over the hour, day or week "
            + "up to an instant",
            description = "By the events' own time (UTC), so a replay of old history fills old buckets. `hour`: 60 "
                    + "one-minute buckets, `day`: 24 and `week`: 168 one-hour buckets, the last one holding `until` "
                    + "(default now); oldest first, empty ones included. `backorders`: orders that became BACKORDERED "
                    + "in the bucket; `openBackorders`: orders BACKORDERED at its end. `latestEventAt`: the newest "
                    + "event counted, wherever it is (null if none), to move `until` to.")
    public ThroughputView throughput(
            @QueryParam("range") @DefaultValue("hour") @Pattern(regexp = "hour|day|week") String range,
            @QueryParam("until") @Pattern(regexp = InstantParameter.PATTERN) String until,
            @HeaderParam(ReadAfter.HEADER) List<String> readAfterHeaders) {
        readAfter.awaitHeaders(readAfterHeaders, overview);
        return throughput.read(ThroughputRange.named(range),
                until == null ? Instant.now(clock) : InstantParameter.parse("until", until));
    }
}
