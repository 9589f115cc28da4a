package io.supplyline.events.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.supplyline.events.Money;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.ProductDiscontinued;
import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.catalog.ReorderPolicy;
import io.supplyline.events.catalog.ReorderPolicyChanged;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.contract.RetiredRevisions.ProductRegisteredRevision1;
import io.supplyline.events.fulfilment.OrderAllocated;
import io.supplyline.events.fulfilment.OrderBackordered;
import io.supplyline.events.fulfilment.OrderCancelled;
import io.supplyline.events.fulfilment.OrderDelivered;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.OrderShipped;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.ReservationReleased;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockIssued;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.inventory.StockReserved;
import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.PurchaseOrderCancelled;
import io.supplyline.events.purchasing.PurchaseOrderFullyReceived;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.PurchaseOrderLine;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.events.purchasing.ReceivedLine;
import io.supplyline.events.shipping.ShipmentCheckpointRecorded;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelayed;
import io.supplyline.events.shipping.ShipmentDelivered;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentExceptionReported;
import io.supplyline.events.shipping.ShipmentExceptionType;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.supplier.SupplierRegistered;
import io.supplyline.events.supplier.SupplierReinstated;
import io.supplyline.events.supplier.SupplierSuspended;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.events.warehouse.WarehouseRegistered;

/**
 * One realistic instance of every event and retired revision, all of one story: M8 bolts bought from
 * a supplier into the Berlin warehouse, ordered by a customer, shipped and delivered. Fixed ids, so that
 * the documents built from them do not change from one build to the next.
 */
final class EventExamples {

    static final Sku BOLTS = new Sku("BOLT-M8");
    static final WarehouseCode BERLIN = new WarehouseCode("BER-1");
    static final SupplierCode SUPPLIER = new SupplierCode("ACME-FASTENERS");
    static final StockItemId STOCK = new StockItemId(BERLIN, BOLTS);
    static final PurchaseOrderId PURCHASE = new PurchaseOrderId(UUID.fromString("5b0e6f3a-2c1d-4e8f-9a7b-1c2d3e4f5a6b"));
    static final SalesOrderId ORDER = new SalesOrderId(UUID.fromString("9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f"));
    static final ShipmentId SHIPMENT = new ShipmentId(UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-a1b2c3d4e5f6"));
    static final String RESERVATION = ORDER.aggregateId() + "/" + BOLTS;
    static final Instant DISPATCHED = Instant.parse("2026-03-02T08:15:00Z");

    private static final List<Record> ALL = List.of(
            new ProductRegistered(BOLTS, "Hex bolt M8 x 40, zinc plated", "EA", new ReorderPolicy(200, 1000)),
            new ReorderPolicyChanged(BOLTS, new ReorderPolicy(300, 1500)),
            new ProductDiscontinued(BOLTS, "Replaced by BOLT-M8-A2 (stainless)"),
            new WarehouseRegistered(BERLIN, "Berlin Tempelhof DC", "Berlin", "DE"),
            new SupplierRegistered(SUPPLIER, "Acme Fasteners GmbH", 7),
            new SupplierSuspended(SUPPLIER, "Two late deliveries in a row"),
            new SupplierReinstated(SUPPLIER),
            new StockReceived(STOCK, Quantity.of(1000), "PO " + PURCHASE),
            new StockAdjusted(STOCK, -3, AdjustmentReason.DAMAGE, "Box crushed by a forklift"),
            new StockReserved(STOCK, RESERVATION, Quantity.of(40)),
            new ReservationReleased(STOCK, RESERVATION, Quantity.of(40)),
            new StockIssued(STOCK, RESERVATION, Quantity.of(40)),
            new PurchaseOrderPlaced(PURCHASE, SUPPLIER, BERLIN, LocalDate.parse("2026-02-20"),
                    List.of(new PurchaseOrderLine(BOLTS, Quantity.of(1000), new Money(new BigDecimal("0.0850"), "EUR")))),
            new GoodsReceived(PURCHASE, BERLIN, List.of(new ReceivedLine(BOLTS, Quantity.of(1000)))),
            new PurchaseOrderFullyReceived(PURCHASE),
            new PurchaseOrderCancelled(PURCHASE, "Supplier cannot deliver before March"),
            new OrderPlaced(ORDER, "Schmidt Metallbau KG", BERLIN, LocalDate.parse("2026-03-04"),
                    List.of(new OrderLine(BOLTS, Quantity.of(40)))),
            new OrderAllocated(ORDER),
            new OrderBackordered(ORDER, List.of(new OrderLine(BOLTS, Quantity.of(40)))),
            new OrderShipped(ORDER, SHIPMENT),
            new OrderDelivered(ORDER, SHIPMENT, Instant.parse("2026-03-03T13:42:00Z")),
            new OrderCancelled(ORDER, "Customer ordered twice"),
            new ShipmentCreated(SHIPMENT, ORDER, BERLIN, "DHL", "JJD000390007123456", LocalDate.parse("2026-03-04")),
            new ShipmentDispatched(SHIPMENT, ORDER, DISPATCHED),
            new ShipmentCheckpointRecorded(SHIPMENT, "Leipzig hub", Instant.parse("2026-03-02T19:05:00Z"), null),
            new ShipmentDelayed(SHIPMENT, LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-05"), "Storm"),
            new ShipmentDelivered(SHIPMENT, ORDER, Instant.parse("2026-03-03T13:42:00Z"), "K. Schmidt"),
            new ShipmentExceptionReported(SHIPMENT, ShipmentExceptionType.DAMAGED, "Outer carton torn"),
            new ProductRegisteredRevision1(BOLTS, "Hex bolt M8 x 40, zinc plated", "EA", 200, 1000));

    private static final Map<Class<?>, Record> BY_CLASS = ALL.stream()
            .collect(Collectors.toMap(Record::getClass, Function.identity()));

    private EventExamples() {
    }

    static Record of(Class<?> eventClass) {
        Record example = BY_CLASS.get(eventClass);
        if (example == null) {
            throw new IllegalArgumentException("EventExamples has no " + eventClass.getName() + ": add one");
        }
        return example;
    }
}
