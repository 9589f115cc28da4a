package io.supplyline.events.shipping;

/** What went wrong with a shipment. */
public enum ShipmentExceptionType {
    DAMAGED, LOST, ADDRESS_PROBLEM, CUSTOMS_HOLD, REFUSED, OTHER,
    /** Reported by the fulfilment process, not by callers: the order was cancelled before it could ship. */
    ORDER_CANCELLED
}
