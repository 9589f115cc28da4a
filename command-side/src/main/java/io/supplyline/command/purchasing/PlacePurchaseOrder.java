package io.supplyline.command.purchasing;

import java.time.LocalDate;
import java.util.List;

import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.PurchaseOrderLine;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.warehouse.WarehouseCode;

public record PlacePurchaseOrder(PurchaseOrderId purchaseOrderId, SupplierCode supplier, WarehouseCode warehouse,
                                 LocalDate expectedDeliveryDate, List<PurchaseOrderLine> lines) {
}
