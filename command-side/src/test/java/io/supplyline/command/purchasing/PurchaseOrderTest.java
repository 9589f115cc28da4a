package io.supplyline.command.purchasing;

import static io.supplyline.command.rules.Rejections.rejectedWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import io.supplyline.command.lookup.CatalogLookup;
import io.supplyline.command.lookup.CatalogMother;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.UnknownReference;
import io.supplyline.events.Quantity;
import io.supplyline.events.Money;
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

class PurchaseOrderTest {

    private static final PurchaseOrderId PO = PurchaseOrderId.random();
    private static final SupplierCode ACME = new SupplierCode("ACME");
    private static final WarehouseCode BER = new WarehouseCode("BER-1");
    private static final Sku BOLT = new Sku("BOLT");
    private static final Sku NUT = new Sku("NUT");
    private static final LocalDate DUE = LocalDate.of(2026, 12, 15);
    private static final List<PurchaseOrderLine> LINES = List.of(
            new PurchaseOrderLine(BOLT, Quantity.of(100), new Money(new BigDecimal("0.12"), "EUR")),
            new PurchaseOrderLine(NUT, Quantity.of(50), new Money(new BigDecimal("0.05"), "EUR")));
    private static final PurchaseOrderPlaced PLACED = new PurchaseOrderPlaced(PO, ACME, BER, DUE, LINES);

    private static AggregateTestFixture<PurchaseOrder> fixture(CatalogLookup catalog) {
        AggregateTestFixture<PurchaseOrder> fixture = new AggregateTestFixture<>(PurchaseOrder.class);
        fixture.registerInjectableResource(catalog);
        return fixture;
    }

    private static AggregateTestFixture<PurchaseOrder> fixture() {
        return fixture(CatalogMother.knowing(Set.of("BOLT", "NUT"), Set.of("BER-1"), Set.of("ACME")));
    }

    @Test
    void anOrderToAnActiveSupplierForProductsStillBoughtIsPlaced() {
        fixture().givenNoPriorActivity()
                .when(new PlacePurchaseOrder(PO, ACME, BER, DUE, LINES))
                .expectEvents(PLACED)
                .expectResultMessagePayload(PO.aggregateId());
    }

    @Test
    void aSuspendedSupplierGetsNoNewOrders() {
        fixture(CatalogMother.knowing(Set.of("BOLT", "NUT"), Set.of("BER-1"), Set.of(), Set.of(), Set.of("ACME")))
                .givenNoPriorActivity()
                .when(new PlacePurchaseOrder(PO, ACME, BER, DUE, LINES))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "SUPPLIER_SUSPENDED"));
    }

    @Test
    void anUnknownSupplierIsNotFound() {
        fixture(CatalogMother.knowing(Set.of("BOLT", "NUT"), Set.of("BER-1"), Set.of()))
                .givenNoPriorActivity()
                .when(new PlacePurchaseOrder(PO, ACME, BER, DUE, LINES))
                .expectException(rejectedWith(UnknownReference.class, "UNKNOWN_SUPPLIER"));
    }

    @Test
    void anUnknownWarehouseIsNotFound() {
        fixture(CatalogMother.knowing(Set.of("BOLT", "NUT"), Set.of(), Set.of("ACME")))
                .givenNoPriorActivity()
                .when(new PlacePurchaseOrder(PO, ACME, BER, DUE, LINES))
                .expectException(rejectedWith(UnknownReference.class, "UNKNOWN_WAREHOUSE"));
    }

    @Test
    void aDiscontinuedProductCannotBeOrdered() {
        fixture(CatalogMother.knowing(Set.of("BOLT"), Set.of("BER-1"), Set.of("ACME"), Set.of("NUT"), Set.of()))
                .givenNoPriorActivity()
                .when(new PlacePurchaseOrder(PO, ACME, BER, DUE, LINES))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "PRODUCT_DISCONTINUED"));
    }

    @Test
    void anUnknownProductIsNotFound() {
        fixture(CatalogMother.knowing(Set.of("BOLT"), Set.of("BER-1"), Set.of("ACME")))
                .givenNoPriorActivity()
                .when(new PlacePurchaseOrder(PO, ACME, BER, DUE, LINES))
                .expectException(rejectedWith(UnknownReference.class, "UNKNOWN_PRODUCT"));
    }

    @Test
    void anOrderNeedsLinesAndEachSkuOnce() {
        fixture().givenNoPriorActivity()
                .when(new PlacePurchaseOrder(PO, ACME, BER, DUE, List.of()))
                .expectException(rejectedWith(BusinessRuleViolation.class, "NO_LINES"));
        fixture().givenNoPriorActivity()
                .when(new PlacePurchaseOrder(PO, ACME, BER, DUE, List.of(LINES.get(0), LINES.get(0))))
                .expectException(rejectedWith(BusinessRuleViolation.class, "DUPLICATE_LINE"));
    }

    @Test
    void aPartialReceiptLeavesTheOrderOpen() {
        fixture().given(PLACED)
                .when(new ReceiveGoods(PO, List.of(new ReceivedLine(BOLT, Quantity.of(60)))))
                .expectEvents(new GoodsReceived(PO, BER, List.of(new ReceivedLine(BOLT, Quantity.of(60)))))
                .expectResultMessagePayload(1L);
    }

    @Test
    void theLastReceiptClosesTheOrder() {
        fixture().given(PLACED, new GoodsReceived(PO, BER, List.of(new ReceivedLine(BOLT, Quantity.of(60)))))
                .when(new ReceiveGoods(PO, List.of(new ReceivedLine(BOLT, Quantity.of(40)), new ReceivedLine(NUT, Quantity.of(50)))))
                .expectEvents(
                        new GoodsReceived(PO, BER, List.of(new ReceivedLine(BOLT, Quantity.of(40)), new ReceivedLine(NUT, Quantity.of(50)))),
                        new PurchaseOrderFullyReceived(PO))
                .expectResultMessagePayload(3L);
    }

    @Test
    void cannotReceiveMoreThanOrdered() {
        fixture().given(PLACED, new GoodsReceived(PO, BER, List.of(new ReceivedLine(BOLT, Quantity.of(60)))))
                .when(new ReceiveGoods(PO, List.of(new ReceivedLine(BOLT, Quantity.of(41)))))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "OVER_RECEIPT"));
    }

    @Test
    void cannotReceiveAProductTheOrderDoesNotName() {
        fixture().given(PLACED)
                .when(new ReceiveGoods(PO, List.of(new ReceivedLine(new Sku("WASHER"), Quantity.of(1)))))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "UNKNOWN_PO_LINE"));
    }

    @Test
    void anOrderWithoutReceiptsCanBeCancelled() {
        fixture().given(PLACED)
                .when(new CancelPurchaseOrder(PO, "supplier cannot deliver"))
                .expectEvents(new PurchaseOrderCancelled(PO, "supplier cannot deliver"));
    }

    @Test
    void cannotCancelAfterAReceipt() {
        fixture().given(PLACED, new GoodsReceived(PO, BER, List.of(new ReceivedLine(NUT, Quantity.of(1)))))
                .when(new CancelPurchaseOrder(PO, "too late"))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "PO_HAS_RECEIPTS"));
    }

    @Test
    void aCancelledOrderReceivesNothing() {
        fixture().given(PLACED, new PurchaseOrderCancelled(PO, "changed our mind"))
                .when(new ReceiveGoods(PO, List.of(new ReceivedLine(BOLT, Quantity.of(1)))))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "PO_CLOSED"));
    }
}
