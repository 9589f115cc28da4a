package io.supplyline.command.http;

/** Shapes of path parameters, checked before a command is built from them. */
public final class PathPatterns {

    /** Ids the command side assigns itself (purchase and customer orders). */
    public static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private PathPatterns() {
    }
}
