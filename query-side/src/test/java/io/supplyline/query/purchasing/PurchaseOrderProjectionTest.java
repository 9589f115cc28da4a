package io.supplyline.query.purchasing;

import static io.supplyline.query.projection.HandlerCalls.inNewTransaction;
import static io.supplyline.query.projection.HandlerCalls.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
import io.supplyline.events.warehouse.WarehouseCode;

/** The purchase-order board's handlers, called directly: what was ordered, what arrived, and the status. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class PurchaseOrderProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final LocalDate EXPECTED = LocalDate.of(2026, 11, 25);
    private static final WarehouseCode BER = new WarehouseCode("BER-1");

    @Inject
    PurchaseOrderProjection projection;

    private static Instant hour(int hours) {
        return T0.plus(hours, ChronoUnit.HOURS);
    }

    private static PurchaseOrderPlaced placed(PurchaseOrderId order) {
        Money price = new Money(new BigDecimal("0.25"), "EUR");
        return new PurchaseOrderPlaced(order, new SupplierCode("ACME"), BER, EXPECTED, List.of(
                new PurchaseOrderLine(new Sku("BOLT"), Quantity.of(10), price),
                new PurchaseOrderLine(new Sku("NUT"), Quantity.of(5), price)));
    }

    private static GoodsReceived received(PurchaseOrderId order, int bolts, int nuts) {
        return new GoodsReceived(order, BER, List.of(new ReceivedLine(new Sku("BOLT"), Quantity.of(bolts)),
                new ReceivedLine(new Sku("NUT"), Quantity.of(nuts))));
    }

    private static PurchaseOrderRow row(PurchaseOrderId order) {
        return read(() -> PurchaseOrderRow.findById(order.aggregateId()));
    }

    /** A placed purchase order is open with its supplier, warehouse, expected day, lines and units. */
    @Test
    void aPlacedPurchaseOrderIsOpenWithWhatWasOrdered() {
        PurchaseOrderId order = PurchaseOrderId.random();
        inNewTransaction(() -> projection.on(placed(order), 0, T0));

        PurchaseOrderRow row = row(order);
        assertThat(row).extracting(r -> r.status, r -> r.supplier, r -> r.warehouse, r -> r.expectedDeliveryDate,
                r -> r.lineCount, r -> r.unitsOrdered, r -> r.unitsReceived, r -> r.placedAt, r -> r.lastReceiptAt)
                .containsExactly(PurchaseOrderStatus.OPEN, "ACME", "BER-1", EXPECTED, 2, 15L, 0L, T0, null);
    }

    /** Receipts add up (partially received) until the order is fully received; a cancelled one is cancelled. */
    @Test
    void receiptsAddUpUntilFullyReceivedOrCancelled() {
        PurchaseOrderId order = PurchaseOrderId.random();
        inNewTransaction(() -> projection.on(placed(order), 0, hour(0)));
        inNewTransaction(() -> projection.on(received(order, 4, 5), 1, hour(1)));
        assertThat(row(order)).extracting(r -> r.status, r -> r.unitsReceived, r -> r.lastReceiptAt)
                .containsExactly(PurchaseOrderStatus.PARTIALLY_RECEIVED, 9L, hour(1));

        inNewTransaction(() -> {
            projection.on(new GoodsReceived(order, BER, List.of(new ReceivedLine(new Sku("BOLT"), Quantity.of(6)))), 2,
                    hour(2));
            projection.on(new PurchaseOrderFullyReceived(order), 3, hour(2));
        });
        assertThat(row(order)).extracting(r -> r.status, r -> r.unitsReceived, r -> r.lastReceiptAt, r -> r.version)
                .containsExactly(PurchaseOrderStatus.RECEIVED, 15L, hour(2), 3L);

        PurchaseOrderId cancelled = PurchaseOrderId.random();
        inNewTransaction(() -> {
            projection.on(placed(cancelled), 0, hour(0));
            projection.on(new PurchaseOrderCancelled(cancelled, "supplier gone"), 1, hour(3));
        });
        assertThat(row(cancelled)).extracting(r -> r.status, r -> r.unitsReceived)
                .containsExactly(PurchaseOrderStatus.CANCELLED, 0L);
    }

    /** A receipt delivered twice counts once; a redelivered placement, older than the row, does not reopen it. */
    @Test
    void aRedeliveredReceiptCountsOnceAndAnOlderEventIsSkipped() {
        PurchaseOrderId order = PurchaseOrderId.random();
        GoodsReceived receipt = received(order, 4, 5);
        inNewTransaction(() -> projection.on(placed(order), 0, hour(0)));
        inNewTransaction(() -> projection.on(receipt, 1, hour(1)));
        inNewTransaction(() -> projection.on(receipt, 1, hour(1)));
        inNewTransaction(() -> projection.on(placed(order), 0, hour(2)));

        assertThat(row(order)).extracting(r -> r.status, r -> r.unitsReceived, r -> r.version, r -> r.updatedAt)
                .containsExactly(PurchaseOrderStatus.PARTIALLY_RECEIVED, 9L, 1L, hour(1));
    }
}
