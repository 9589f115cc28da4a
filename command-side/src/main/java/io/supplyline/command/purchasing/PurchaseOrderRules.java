package io.supplyline.command.purchasing;

import java.util.HashSet;
import java.util.Set;

import io.supplyline.command.lookup.CatalogLookup;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.UnknownReference;
import io.supplyline.events.catalog.Sku;
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
        if (command.lines().isEmpty()) {
            throw new BusinessRuleViolation("NO_LINES", "A purchase order needs at least one line");
        }
        Set<Sku> seen = new HashSet<>();
        for (PurchaseOrderLine line : command.lines()) {
            if (!seen.add(line.sku())) {
                throw new BusinessRuleViolation("DUPLICATE_LINE", "SKU " + line.sku() + " appears on two lines");
            }
            if (line.quantity() <= 0) {
                throw new BusinessRuleViolation("QUANTITY_NOT_POSITIVE", "A line must order at least one unit");
            }
            if (!catalog.productExists(line.sku())) {
                throw new UnknownReference("UNKNOWN_PRODUCT", "No product with SKU " + line.sku());
            }
            if (catalog.productDiscontinued(line.sku())) {
                throw new BusinessRuleViolation("PRODUCT_DISCONTINUED", "Product " + line.sku() + " is discontinued");
            }
        }
    }
}
