package io.supplyline.support.http;

import io.supplyline.events.BusinessKey;

/**
 * Shapes of path parameters that both services check before they use them. Every id is accepted
 * exactly as a command answered it ({@code order:4f…}, {@code product:PALLET-EUR}) and also bare.
 */
public final class PathPatterns {

    /** Ids the command side assigns itself (purchase orders, customer orders, shipments). */
    public static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    public static final String ORDER_ID = "(?:order:)?" + UUID;
    public static final String PURCHASE_ORDER_ID = "(?:purchase-order:)?" + UUID;
    public static final String SHIPMENT_ID = "(?:shipment:)?" + UUID;
    public static final String SKU = "(?:product:)?" + BusinessKey.PATTERN;
    public static final String WAREHOUSE = "(?:warehouse:)?" + BusinessKey.PATTERN;
    public static final String SUPPLIER = "(?:supplier:)?" + BusinessKey.PATTERN;

    private PathPatterns() {
    }

    /** The value after the aggregate type's prefix, for an id that matched one of the patterns above. */
    public static String bare(String id) {
        return id.substring(id.indexOf(':') + 1);
    }

    /** A UUID id that matched one of the patterns above. */
    public static java.util.UUID uuid(String id) {
        return java.util.UUID.fromString(bare(id));
    }
}
