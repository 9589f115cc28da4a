package io.supplyline.command.http;

import io.supplyline.support.http.DocumentedProblem;

/**
 * Every {@code code} a problem answer of this API can carry, with its status and what it means to a
 * client. The OpenAPI document lists, for each response of each operation, the codes it can carry
 * from here; ProblemCodeCatalogTest fails when the code throws one that is missing.
 */
public enum ProblemCode implements DocumentedProblem {

    INVALID_INPUT(400, "a field or parameter breaks its constraint (text with a control character and dates more than"
            + " 50 years away included); `errors` names each"),
    MALFORMED_JSON(400, "the body is not JSON, has an unknown field or a value of the wrong type; `errors` names the"
            + " field when known"),
    INVALID_PARAMETER(400, "a path or query parameter holds a control character"),
    BAD_REQUEST(400, "a header or value is malformed: `Idempotency-Key`, `If-Match`, a currency, an instant"),
    UNAUTHENTICATED(401, "no credentials, or credentials that are not valid"),
    FORBIDDEN(403, "the caller's role may not do this"),
    NOT_FOUND(404, "no events of that aggregate (at or before that instant)"),
    UNKNOWN_AGGREGATE(404, "the aggregate the path names does not exist"),
    UNKNOWN_PRODUCT(404, "no product with that SKU"),
    UNKNOWN_WAREHOUSE(404, "no warehouse with that code"),
    UNKNOWN_SUPPLIER(404, "no supplier with that code"),
    UNKNOWN_ORDER(404, "no customer order with that id"),
    PRODUCT_ALREADY_REGISTERED(409, "a product with that SKU exists"),
    WAREHOUSE_ALREADY_REGISTERED(409, "a warehouse with that code exists"),
    SUPPLIER_ALREADY_REGISTERED(409, "a supplier with that code exists"),
    ORDER_HAS_SHIPMENT(409, "the order already has a shipment"),
    CONCURRENT_MODIFICATION(409, "another command changed the same aggregate at the same moment; send it again"),
    VERSION_MISMATCH(412, "the aggregate is not at the `If-Match` version (or does not exist)"),
    PAYLOAD_TOO_LARGE(413, "the body is larger than the limit (64 KiB by default)"),
    UNSUPPORTED_MEDIA_TYPE(415, "the body is not `application/json`"),
    PRODUCT_DISCONTINUED(422, "the product is discontinued"),
    SUPPLIER_ALREADY_SUSPENDED(422, "the supplier is suspended already"),
    SUPPLIER_NOT_SUSPENDED(422, "the supplier is not suspended"),
    SUPPLIER_SUSPENDED(422, "the supplier is suspended: no new purchase orders"),
    DUPLICATE_LINE(422, "a SKU appears on two lines"),
    UNKNOWN_PO_LINE(422, "the purchase order has no line for that SKU"),
    OVER_RECEIPT(422, "more received than is still due on the line"),
    PO_HAS_RECEIPTS(422, "goods were received against the purchase order: it can no longer be cancelled"),
    PO_CLOSED(422, "the purchase order is fully received or cancelled"),
    ORDER_ALREADY_CANCELLED(422, "the order is cancelled already"),
    ORDER_CANCELLED(422, "the order is cancelled"),
    ORDER_ALREADY_SHIPPED(422, "the order has been dispatched"),
    ORDER_NOT_ALLOCATED(422, "the order is not allocated (not all its stock is reserved): only allocated orders ship"),
    SHIPMENT_VOID(422, "the shipment is void: its order was cancelled"),
    SHIPMENT_ALREADY_DISPATCHED(422, "the shipment has left already"),
    SHIPMENT_NOT_DISPATCHED(422, "the shipment has not been dispatched"),
    SHIPMENT_ALREADY_DELIVERED(422, "the shipment is delivered"),
    DELAY_NOT_LATER(422, "the new arrival date is not later than the current one"),
    DELIVERY_BEFORE_DISPATCH(422, "the delivery instant is before the dispatch"),
    EXCEPTION_TYPE_RESERVED(422, "`ORDER_CANCELLED` is reported by the system when an order is cancelled"),
    ZERO_ADJUSTMENT(422, "an adjustment must change the quantity"),
    NEGATIVE_STOCK(422, "on hand would fall below zero"),
    BELOW_RESERVED(422, "on hand would fall below what is reserved for orders"),
    IDEMPOTENCY_KEY_REUSED(422, "the `Idempotency-Key` was used for a different request"),
    TOO_MANY_AUDIT_REQUESTS(429, "as many audit requests as this instance runs at once are running"),
    INTERNAL_ERROR(500, "a fault on our side"),
    DATABASE_UNAVAILABLE(503, "the database cannot be reached; nothing was changed");

    private final int status;
    private final String meaning;

    ProblemCode(int status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
