package io.supplyline.events;

import java.util.regex.Pattern;

/** The one rule for caller-chosen business keys (SKU, warehouse code, supplier code). */
public final class BusinessKey {

    public static final int MAX_LENGTH = 64;
    /** Letters, digits, '.', '_' and '-': no ':' so that composite aggregate ids stay unambiguous. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private BusinessKey() {
    }

    public static String require(String what, String value) {
        if (value == null || !COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + PATTERN + " but was '" + value + "'");
        }
        return value;
    }
}
