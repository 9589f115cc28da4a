package io.supplyline.command.purchasing;

import io.supplyline.command.lookup.CatalogLookup;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.OrderLines;
import io.supplyline.command.rules.UnknownReference;
import io.supplyline.events.purchasing.PurchaseOrderLine;

/** The cross-aggregate rules of placing a purchase order, checked against the command side's lookups. */
final class PurchaseOrderRules {

    private PurchaseOrderRules() {
    }

    static void requirePlaceable(PlacePurchaseOrder command, CatalogLookup catalog) {
        if (!catalog.supplierExists(command.supplier())) {
            throw new UnknownReference("UNKNOWN_SUPPLIER", "No supplier with code " + command.supplier());
        }
        if (catalog.supplierSuspended(command.supplier())) {
            throw new BusinessRuleViolation("SUPPLIER_SUSPENDED", "Supplier " + command.supplier() + " is suspended");
        }
        if (!catalog.warehouseExists(command.warehouse())) {
            throw new UnknownReference("UNKNOWN_WAREHOUSE", "No warehouse with code " + command.warehouse());
        }
        OrderLines.requireValid("purchase order", command.lines(), PurchaseOrderLine::sku, catalog::productExists);
        for (PurchaseOrderLine line : command.lines()) {
            if (catalog.productDiscontinued(line.sku())) {
                throw new BusinessRuleViolation("PRODUCT_DISCONTINUED", "Product " + line.sku() + " is discontinued");
            }
        }
    }
}
