package io.supplyline.events.http;

/** Shapes of path parameters that both services check before they use them. */
public final class PathPatterns {

    /** Ids the command side assigns itself (purchase orders, customer orders, shipments). */
    public static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private PathPatterns() {
    }
}
