package io.supplyline.events.purchasing;

import java.time.LocalDate;
import java.util.List;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.warehouse.WarehouseCode;

@EventName("supplyline.purchasing.PurchaseOrderPlaced")
@EventRevision("1")
public record PurchaseOrderPlaced(PurchaseOrderId purchaseOrderId, SupplierCode supplier, WarehouseCode warehouse,
                                  LocalDate expectedDeliveryDate, List<PurchaseOrderLine> lines)
        implements PurchaseOrderEvent {

    public PurchaseOrderPlaced {
        lines = List.copyOf(lines);
    }
}
