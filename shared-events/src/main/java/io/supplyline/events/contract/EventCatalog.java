package io.supplyline.events.contract;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.supplyline.events.EventType;
import io.supplyline.events.catalog.ProductDiscontinued;
import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.catalog.ReorderPolicyChanged;
import io.supplyline.events.fulfilment.OrderAllocated;
import io.supplyline.events.fulfilment.OrderBackordered;
import io.supplyline.events.fulfilment.OrderCancelled;
import io.supplyline.events.fulfilment.OrderDelivered;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.OrderShipped;
import io.supplyline.events.inventory.ReservationReleased;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockIssued;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.inventory.StockReserved;
import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.PurchaseOrderCancelled;
import io.supplyline.events.purchasing.PurchaseOrderFullyReceived;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.events.shipping.ShipmentCheckpointRecorded;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelayed;
import io.supplyline.events.shipping.ShipmentDelivered;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentExceptionReported;
import io.supplyline.events.supplier.SupplierRegistered;
import io.supplyline.events.supplier.SupplierReinstated;
import io.supplyline.events.supplier.SupplierSuspended;
import io.supplyline.events.warehouse.WarehouseRegistered;

/**
 * Every event class published on {@code supplychain.events}, written out so that the contract (schemas,
 * AsyncAPI document) is generated from one list; a test checks that no annotated event is missing.
 */
public final class EventCatalog {

    public static final List<Class<? extends Record>> EVENTS = List.of(
            ProductRegistered.class, ReorderPolicyChanged.class, ProductDiscontinued.class,
            WarehouseRegistered.class,
            SupplierRegistered.class, SupplierSuspended.class, SupplierReinstated.class,
            StockReceived.class, StockAdjusted.class, StockReserved.class, ReservationReleased.class, StockIssued.class,
            PurchaseOrderPlaced.class, GoodsReceived.class, PurchaseOrderFullyReceived.class,
            PurchaseOrderCancelled.class,
            OrderPlaced.class, OrderAllocated.class, OrderBackordered.class, OrderShipped.class, OrderDelivered.class,
            OrderCancelled.class,
            ShipmentCreated.class, ShipmentDispatched.class, ShipmentCheckpointRecorded.class, ShipmentDelayed.class,
            ShipmentDelivered.class, ShipmentExceptionReported.class);

    private static final Map<String, Class<? extends Record>> BY_TYPE_NAME = EVENTS.stream()
            .collect(Collectors.toUnmodifiableMap(type -> EventType.of(type).typeName(), Function.identity()));

    private EventCatalog() {
    }

    /** The current event class of a {@code ce_type} such as {@code supplyline.inventory.StockAdjusted.v1}. */
    public static Optional<Class<? extends Record>> byTypeName(String typeName) {
        return Optional.ofNullable(BY_TYPE_NAME.get(typeName));
    }
}
