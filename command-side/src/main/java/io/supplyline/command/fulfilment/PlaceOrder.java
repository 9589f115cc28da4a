package io.supplyline.command.fulfilment;

import java.time.LocalDate;
import java.util.List;

import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.warehouse.WarehouseCode;

public record PlaceOrder(SalesOrderId orderId, String customer, WarehouseCode warehouse,
                         LocalDate requestedDeliveryDate, List<OrderLine> lines) {
}
