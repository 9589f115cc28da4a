package io.supplyline.command.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import io.supplyline.events.catalog.Sku;

/** The rules every order's lines follow, purchase or customer: present, one line per SKU, known products;
 * quantities are positive by construction. */
public final class OrderLines {

    private OrderLines() {
    }

    public static <L> void requireValid(String order, List<L> lines, Function<L, Sku> sku,
                                        Predicate<Sku> productExists) {
        if (lines.isEmpty()) {
            throw new BusinessRuleViolation("NO_LINES", "A " + order + " needs at least one line");
        }
        Set<Sku> seen = new HashSet<>();
        for (L line : lines) {
            if (!seen.add(sku.apply(line))) {
                throw new BusinessRuleViolation("DUPLICATE_LINE", "SKU " + sku.apply(line) + " appears on two lines");
            }
            if (!productExists.test(sku.apply(line))) {
                throw new UnknownReference("UNKNOWN_PRODUCT", "No product with SKU " + sku.apply(line));
            }
        }
    }
}
