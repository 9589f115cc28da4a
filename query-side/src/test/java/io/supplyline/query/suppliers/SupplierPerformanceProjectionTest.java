package io.supplyline.query.suppliers;

import static io.supplyline.query.projection.HandlerCalls.inNewTransaction;
import static io.supplyline.query.projection.HandlerCalls.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Money;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.PurchaseOrderCancelled;
import io.supplyline.events.purchasing.PurchaseOrderFullyReceived;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.PurchaseOrderLine;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.events.purchasing.ReceivedLine;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.supplier.SupplierRegistered;
import io.supplyline.events.supplier.SupplierReinstated;
import io.supplyline.events.supplier.SupplierSuspended;
import io.supplyline.events.warehouse.WarehouseCode;

/** Supplier performance's handlers, called directly: the suppliers and each purchase order's delivery record. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class SupplierPerformanceProjectionTest {

    private static final Instant PLACED_AT = Instant.parse("2026-11-20T08:00:00Z");
    private static final LocalDate EXPECTED = LocalDate.of(2026, 11, 23);

    @Inject
    SupplierPerformanceProjection projection;

    private static SupplierCode newSupplier() {
        return new SupplierCode("SUP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
    }

    private static PurchaseOrderPlaced placed(PurchaseOrderId order, SupplierCode supplier) {
        Money price = new Money(BigDecimal.ONE, "EUR");
        return new PurchaseOrderPlaced(order, supplier, new WarehouseCode("BER-1"), EXPECTED, List.of(
                new PurchaseOrderLine(new Sku("BOLT"), Quantity.of(60), price),
                new PurchaseOrderLine(new Sku("NUT"), Quantity.of(40), price)));
    }

    private static GoodsReceived received(PurchaseOrderId order, int bolts) {
        return new GoodsReceived(order, new WarehouseCode("BER-1"), List.of(new ReceivedLine(new Sku("BOLT"), Quantity.of(bolts))));
    }

    private static SupplierRow supplier(SupplierCode code) {
        return read(() -> SupplierRow.findById(code.aggregateId()));
    }

    private static SupplierOrderRow order(PurchaseOrderId order) {
        return read(() -> SupplierOrderRow.findById(order.aggregateId()));
    }

    /** A supplier's name and lead time come from its registration; suspension and reinstatement toggle it. */
    @Test
    void aSupplierIsRegisteredSuspendedAndReinstated() {
        SupplierCode code = newSupplier();
        inNewTransaction(() -> projection.on(new SupplierRegistered(code, "Acme GmbH", 5), 0, PLACED_AT));
        assertThat(supplier(code)).extracting(s -> s.code, s -> s.name, s -> s.leadTimeDays, s -> s.suspended)
                .containsExactly(code.value(), "Acme GmbH", 5, false);

        inNewTransaction(() -> projection.on(new SupplierSuspended(code, "quality"), 1, PLACED_AT.plusSeconds(60)));
        assertThat(supplier(code).suspended).isTrue();
        inNewTransaction(() -> projection.on(new SupplierReinstated(code), 2, PLACED_AT.plusSeconds(120)));
        assertThat(supplier(code)).extracting(s -> s.suspended, s -> s.version).containsExactly(false, 2L);
    }

    /** On time when fully received on or before the expected day; lead time in fractions of a day; cancelled apart. */
    @Test
    void aPurchaseOrdersDeliveryRecordsUnitsPunctualityAndLeadTime() {
        SupplierCode supplier = newSupplier();
        PurchaseOrderId onTime = PurchaseOrderId.random();
        PurchaseOrderId late = PurchaseOrderId.random();
        PurchaseOrderId cancelled = PurchaseOrderId.random();
        Instant lastHourOfTheDay = Instant.parse("2026-11-23T20:00:00Z");
        Instant dayAfter = Instant.parse("2026-11-24T00:30:00Z");
        inNewTransaction(() -> {
            for (PurchaseOrderId order : List.of(onTime, late, cancelled)) {
                projection.on(placed(order, supplier), 0, PLACED_AT);
            }
        });
        assertThat(order(onTime)).extracting(o -> o.supplier, o -> o.status, o -> o.unitsOrdered, o -> o.placedAt,
                o -> o.expectedDeliveryDate, o -> o.deliveredOnTime, o -> o.leadTimeDays)
                .containsExactly(supplier.value(), "OPEN", 100L, PLACED_AT, EXPECTED, null, null);

        inNewTransaction(() -> {
            projection.on(received(onTime, 70), 1, PLACED_AT.plusSeconds(3600));
            projection.on(received(onTime, 30), 2, lastHourOfTheDay);
            projection.on(new PurchaseOrderFullyReceived(onTime), 3, lastHourOfTheDay);
            projection.on(received(late, 100), 1, dayAfter);
            projection.on(new PurchaseOrderFullyReceived(late), 2, dayAfter);
            projection.on(new PurchaseOrderCancelled(cancelled, "not needed"), 1, dayAfter);
        });
        assertThat(order(onTime)).extracting(o -> o.status, o -> o.unitsReceived, o -> o.fullyReceivedAt,
                o -> o.deliveredOnTime, o -> o.leadTimeDays)
                .containsExactly("RECEIVED", 100L, lastHourOfTheDay, true, 3.5);
        assertThat(order(late)).extracting(o -> o.status, o -> o.deliveredOnTime, o -> o.leadTimeDays)
                .containsExactly("RECEIVED", false, 5310 / 1440.0);
        assertThat(order(cancelled)).extracting(o -> o.status, o -> o.unitsReceived, o -> o.deliveredOnTime)
                .containsExactly("CANCELLED", 0L, null);
    }

    /** A receipt delivered twice counts once; a suspension older than the reinstatement is skipped. */
    @Test
    void aRedeliveredEventCountsOnceAndAnOlderOneIsSkipped() {
        SupplierCode supplier = newSupplier();
        PurchaseOrderId order = PurchaseOrderId.random();
        inNewTransaction(() -> projection.on(placed(order, supplier), 0, PLACED_AT));
        inNewTransaction(() -> projection.on(received(order, 25), 1, PLACED_AT.plusSeconds(60)));
        inNewTransaction(() -> projection.on(received(order, 25), 1, PLACED_AT.plusSeconds(60)));
        assertThat(order(order)).extracting(o -> o.unitsReceived, o -> o.version).containsExactly(25L, 1L);

        inNewTransaction(() -> {
            projection.on(new SupplierRegistered(supplier, "Acme GmbH", 5), 0, PLACED_AT);
            projection.on(new SupplierSuspended(supplier, "quality"), 1, PLACED_AT.plusSeconds(60));
            projection.on(new SupplierReinstated(supplier), 2, PLACED_AT.plusSeconds(120));
        });
        inNewTransaction(() -> projection.on(new SupplierSuspended(supplier, "quality"), 1, PLACED_AT.plusSeconds(60)));
        assertThat(supplier(supplier)).extracting(s -> s.suspended, s -> s.version).containsExactly(false, 2L);
    }
}
