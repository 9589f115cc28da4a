package io.supplyline.events.purchasing;

import java.util.List;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.warehouse.WarehouseCode;

/** Part or all of a purchase order arrived at its warehouse. */
@EventName("supplyline.purchasing.GoodsReceived")
@EventRevision("1")
public record GoodsReceived(PurchaseOrderId purchaseOrderId, WarehouseCode warehouse, List<ReceivedLine> lines)
        implements PurchaseOrderEvent {

    public GoodsReceived {
        lines = List.copyOf(lines);
    }
}
