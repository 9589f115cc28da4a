package io.supplyline.events.fulfilment;

import java.util.List;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;

/**
 * Not every line could be reserved, so none is: the order waits for stock of the {@code unavailable}
 * lines and is allocated as soon as all of them can be reserved together.
 */
@EventName("supplyline.fulfilment.OrderBackordered")
@EventRevision("1")
public record OrderBackordered(SalesOrderId orderId, List<OrderLine> unavailable) implements SalesOrderEvent {

    public OrderBackordered {
        unavailable = List.copyOf(unavailable);
    }
}
