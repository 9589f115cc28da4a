package io.supplyline.events.fulfilment;

import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;

/** A quantity of one SKU a customer ordered. */
public record OrderLine(Sku sku, Quantity quantity) {

    /** The id under which this line's stock is reserved in the order's warehouse. */
    public String reservationId(SalesOrderId order) {
        return order.aggregateId() + "/" + sku.value();
    }
}
