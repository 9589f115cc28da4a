package io.supplyline.query.stock;

import static io.supplyline.query.projection.HandlerCalls.inNewTransaction;
import static io.supplyline.query.projection.HandlerCalls.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.panache.common.Sort;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Money;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.catalog.ReorderPolicy;
import io.supplyline.events.catalog.ReorderPolicyChanged;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockIssued;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.inventory.StockReserved;
import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.PurchaseOrderCancelled;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.PurchaseOrderLine;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.events.purchasing.ReceivedLine;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.warehouse.WarehouseCode;

/** The stock-levels projection's handlers, called directly: levels, status, inbound and history rows. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class StockLevelProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @Inject
    StockLevelProjection projection;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static Instant hour(int hours) {
        return T0.plus(hours, ChronoUnit.HOURS);
    }

    private static StockLevel level(StockItemId item) {
        return read(() -> StockLevel.findById(item.aggregateId()));
    }

    private static List<StockLevelPoint> history(StockItemId item) {
        return read(() -> StockLevelPoint.list("stockItemId", Sort.by("version"), item.aggregateId()));
    }

    private static PurchaseOrderPlaced purchaseOrder(PurchaseOrderId order, String warehouse, Sku sku, int quantity,
                                                     Sku otherSku, int otherQuantity) {
        Money price = new Money(BigDecimal.ONE, "EUR");
        return new PurchaseOrderPlaced(order, new SupplierCode("ACME"), new WarehouseCode(warehouse),
                LocalDate.of(2026, 12, 1), List.of(new PurchaseOrderLine(sku, Quantity.of(quantity), price),
                new PurchaseOrderLine(otherSku, Quantity.of(otherQuantity), price)));
    }

    /** Receipts, reservations, issues and adjustments add up, and each event leaves one history point. */
    @Test
    void theItemsOwnEventsAddUpAndEachLeavesAHistoryPoint() {
        StockItemId item = StockItemId.of(unique("WH"), unique("SKU"));
        inNewTransaction(() -> projection.on(new StockReceived(item, Quantity.of(30), "DN-1"), 0, hour(0)));
        inNewTransaction(() -> projection.on(new StockReserved(item, "order-1/1", Quantity.of(12)), 1, hour(1)));
        inNewTransaction(() -> projection.on(new StockIssued(item, "order-1/1", Quantity.of(12)), 2, hour(2)));
        inNewTransaction(() -> projection.on(new StockAdjusted(item, -3, AdjustmentReason.DAMAGE, null), 3, hour(3)));

        StockLevel level = level(item);
        assertThat(level.warehouse).isEqualTo(item.warehouse().value());
        assertThat(level.sku).isEqualTo(item.sku().value());
        assertThat(level.onHand).isEqualTo(15);
        assertThat(level.reserved).isZero();
        assertThat(level.available).isEqualTo(15);
        assertThat(level.status).isEqualTo(StockStatus.OK);
        assertThat(level.version).isEqualTo(3);
        assertThat(level.updatedAt).isEqualTo(hour(3));
        List<StockLevelPoint> points = history(item);
        assertThat(points).extracting(point -> point.version).containsExactly(0L, 1L, 2L, 3L);
        assertThat(points).extracting(point -> point.recordedAt).containsExactly(hour(0), hour(1), hour(2), hour(3));
        assertThat(points).extracting(point -> point.onHand).containsExactly(30L, 30L, 18L, 15L);
        assertThat(points).extracting(point -> point.reserved).containsExactly(0L, 12L, 0L, 0L);
        assertThat(points).extracting(point -> point.id).first().isEqualTo(item.aggregateId() + "@0");
    }

    /** A redelivered event changes the level and its history once; an event older than the level's version is skipped. */
    @Test
    void aRedeliveredEventIsAppliedOnceAndAnOlderOneIsSkipped() {
        StockItemId item = StockItemId.of(unique("WH"), unique("SKU"));
        StockReceived second = new StockReceived(item, Quantity.of(5), "DN-2");
        inNewTransaction(() -> projection.on(new StockReceived(item, Quantity.of(10), "DN-1"), 0, hour(0)));
        inNewTransaction(() -> projection.on(second, 1, hour(1)));
        inNewTransaction(() -> projection.on(second, 1, hour(1)));
        inNewTransaction(() -> projection.on(new StockAdjusted(item, -10, AdjustmentReason.LOSS, "stale"), 0, hour(5)));

        StockLevel level = level(item);
        assertThat(level.onHand).isEqualTo(15);
        assertThat(level.version).isEqualTo(1);
        assertThat(level.updatedAt).isEqualTo(hour(1));
        assertThat(history(item)).extracting(point -> point.onHand).containsExactly(10L, 15L);
    }

    /** OUT at nothing available, LOW at or below the product's reorder point, whether stock or product comes first. */
    @Test
    void theStatusFollowsTheProductsReorderPointWhicheverArrivesFirst() {
        Sku sku = new Sku(unique("SKU"));
        StockItemId early = new StockItemId(new WarehouseCode(unique("WH")), sku);
        StockItemId late = new StockItemId(new WarehouseCode(unique("WH")), sku);
        StockItemId empty = new StockItemId(new WarehouseCode(unique("WH")), sku);
        ProductRegistered registered = new ProductRegistered(sku, "Pallet", "EA", new ReorderPolicy(10, 50));
        inNewTransaction(() -> projection.on(new StockReceived(early, Quantity.of(8), "DN"), 0, hour(0)));
        assertThat(level(early).status).as("no reorder point known yet").isEqualTo(StockStatus.OK);

        inNewTransaction(() -> projection.on(registered, 0));
        inNewTransaction(() -> {
            projection.on(new StockReceived(late, Quantity.of(11), "DN"), 0, hour(1));
            projection.on(new StockAdjusted(empty, 2, AdjustmentReason.FOUND, null), 0, hour(1));
            projection.on(new StockAdjusted(empty, -2, AdjustmentReason.LOSS, null), 1, hour(2));
        });
        assertThat(level(early)).extracting(l -> l.status, l -> l.reorderPoint).containsExactly(StockStatus.LOW, 10L);
        assertThat(level(late)).extracting(l -> l.status, l -> l.reorderPoint).containsExactly(StockStatus.OK, 10L);
        assertThat(level(empty).status).isEqualTo(StockStatus.OUT);

        inNewTransaction(() -> projection.on(new ReorderPolicyChanged(sku, new ReorderPolicy(12, 50)), 1));
        inNewTransaction(() -> projection.on(registered, 0));
        assertThat(level(late)).as("the redelivered registration is older than the policy change")
                .extracting(l -> l.status, l -> l.reorderPoint, l -> l.version).containsExactly(StockStatus.LOW, 12L, 0L);
        assertThat(read(() -> ProductPolicy.<ProductPolicy>findById(sku.value()).version)).isEqualTo(1L);
    }

    /** Purchase orders add to the inbound of their warehouse until goods arrive or the order is cancelled. */
    @Test
    void purchaseOrdersAreInboundUntilReceivedOrCancelled() {
        String warehouse = unique("WH");
        Sku bolt = new Sku(unique("BOLT"));
        Sku nut = new Sku(unique("NUT"));
        StockItemId bolts = new StockItemId(new WarehouseCode(warehouse), bolt);
        StockItemId nuts = new StockItemId(new WarehouseCode(warehouse), nut);
        PurchaseOrderId first = PurchaseOrderId.random();
        PurchaseOrderId second = PurchaseOrderId.random();
        inNewTransaction(() -> projection.on(new StockReceived(bolts, Quantity.of(20), "DN"), 0, hour(0)));
        inNewTransaction(() -> projection.on(purchaseOrder(first, warehouse, bolt, 10, nut, 5), 0, hour(1)));
        assertThat(level(bolts).inbound).isEqualTo(10);
        assertThat(level(nuts)).extracting(l -> l.inbound, l -> l.onHand, l -> l.status, l -> l.version)
                .containsExactly(5L, 0L, StockStatus.OUT, -1L);

        GoodsReceived partly = new GoodsReceived(first, new WarehouseCode(warehouse),
                List.of(new ReceivedLine(bolt, Quantity.of(4))));
        inNewTransaction(() -> projection.on(partly, 1, hour(2)));
        inNewTransaction(() -> projection.on(partly, 1, hour(2)));
        assertThat(level(bolts).inbound).as("a redelivered receipt counts once").isEqualTo(6);

        inNewTransaction(() -> projection.on(new GoodsReceived(first, new WarehouseCode(warehouse),
                List.of(new ReceivedLine(bolt, Quantity.of(9)))), 2, hour(3)));
        assertThat(level(bolts).inbound).as("more arrived than was still expected").isZero();

        inNewTransaction(() -> projection.on(purchaseOrder(second, warehouse, bolt, 3, nut, 1), 0, hour(4)));
        inNewTransaction(() -> projection.on(new PurchaseOrderCancelled(first, "supplier gone"), 3, hour(5)));
        assertThat(level(bolts).inbound).isEqualTo(3);
        assertThat(level(nuts).inbound).isEqualTo(1);
        StockLevel boltLevel = level(bolts);
        assertThat(boltLevel.onHand).isEqualTo(20);
        assertThat(boltLevel.version).as("inbound is not the stock item's own event").isZero();
        assertThat(history(bolts)).hasSize(1);
        assertThat(history(nuts)).isEmpty();
    }
}
