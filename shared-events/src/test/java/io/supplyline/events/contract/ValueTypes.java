package io.supplyline.events.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.supplyline.events.BusinessKey;
import io.supplyline.events.Money;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.ReorderPolicy;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.warehouse.WarehouseCode;

/**
 * What the schema generator cannot learn from Jackson: the JSON form of the scalar Java types, and the
 * constraints of the value objects. Only what a value object's constructor enforces is stated, so that
 * every event ever written meets it; rules of the command side (an HTTP field's maximum length, lines
 * never empty) may change and are not part of the event contract.
 */
final class ValueTypes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String BUSINESS_KEY = "^" + BusinessKey.PATTERN + "$";

    private static final Map<Class<?>, ObjectNode> SCALARS = Map.ofEntries(
            Map.entry(String.class, node("type", "string")),
            Map.entry(int.class, node("type", "integer")),
            Map.entry(Integer.class, node("type", "integer")),
            Map.entry(long.class, node("type", "integer")),
            Map.entry(Long.class, node("type", "integer")),
            Map.entry(boolean.class, node("type", "boolean")),
            Map.entry(Boolean.class, node("type", "boolean")),
            Map.entry(BigDecimal.class, node("type", "number")),
            Map.entry(Instant.class, node("type", "string", "format", "date-time")),
            Map.entry(LocalDate.class, node("type", "string", "format", "date")),
            Map.entry(UUID.class, node("type", "string", "format", "uuid")));

    private static final Map<Class<?>, ObjectNode> VALUES = Map.of(
            Quantity.class, node("description", "A number of units in the product's unit of measure; never zero or less.",
                    "minimum", 1),
            Sku.class, node("description", "Stock keeping unit: the product's business key.", "pattern", BUSINESS_KEY),
            WarehouseCode.class, node("description", "The warehouse's business key.", "pattern", BUSINESS_KEY),
            SupplierCode.class, node("description", "The supplier's business key.", "pattern", BUSINESS_KEY),
            SalesOrderId.class, node("description", "The customer order's id (its aggregate id is order:<id>)."),
            PurchaseOrderId.class, node("description", "The purchase order's id (its aggregate id is purchase-order:<id>)."),
            ShipmentId.class, node("description", "The shipment's id (its aggregate id is shipment:<id>)."),
            StockItemId.class, node("description", "One SKU in one warehouse (its aggregate id is stock:<warehouse>:<sku>)."),
            Money.class, node("description", "A non-negative amount, at most four decimal places, in an ISO 4217 currency."),
            ReorderPolicy.class, node("description",
                    "Reorder when the available quantity is at or below the point; order the quantity."));

    private static final Map<String, ObjectNode> COMPONENTS = Map.of(
            key(Money.class, "amount"), node("minimum", 0),
            key(Money.class, "currency"), node("pattern", "^[A-Z]{3}$"),
            key(ReorderPolicy.class, "reorderPoint"), node("minimum", 0),
            key(ReorderPolicy.class, "reorderQuantity"), node("minimum", 1));

    private ValueTypes() {
    }

    /** The schema of a scalar Java type, or null if the type is not one. */
    static ObjectNode scalar(Class<?> type) {
        ObjectNode schema = SCALARS.get(type);
        return schema == null ? null : schema.deepCopy();
    }

    /** The description and constraints of a value object, empty for a type without any. */
    static ObjectNode value(Class<?> type) {
        return VALUES.getOrDefault(type, NODES.objectNode()).deepCopy();
    }

    /** The constraints of one component of a value object, empty for most. */
    static ObjectNode component(Class<?> owner, String name) {
        return COMPONENTS.getOrDefault(key(owner, name), NODES.objectNode()).deepCopy();
    }

    private static String key(Class<?> owner, String component) {
        return owner.getName() + "#" + component;
    }

    private static ObjectNode node(Object... keysAndValues) {
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            if (keysAndValues[i + 1] instanceof Integer number) {
                node.put(key, number);
            } else {
                node.put(key, (String) keysAndValues[i + 1]);
            }
        }
        return node;
    }
}
