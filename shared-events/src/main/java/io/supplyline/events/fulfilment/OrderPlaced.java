package io.supplyline.events.fulfilment;

import java.time.LocalDate;
import java.util.List;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.warehouse.WarehouseCode;

/** A customer order, to be served from one warehouse. */
@EventName("supplyline.fulfilment.OrderPlaced")
@EventRevision("1")
public record OrderPlaced(SalesOrderId orderId, String customer, WarehouseCode warehouse,
                          LocalDate requestedDeliveryDate, List<OrderLine> lines) implements SalesOrderEvent {

    public OrderPlaced {
        lines = List.copyOf(lines);
    }
}
