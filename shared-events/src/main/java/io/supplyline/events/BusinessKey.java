package io.supplyline.events;


/** The one rule for caller-chosen business keys (SKU, warehouse code, supplier code). */
public final class BusinessKey {

    public static final int MAX_LENGTH = 64;
    /** Letters, digits, '.', '_' and '-': no ':' so that composite aggregate ids stay unambiguous. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}";

    private BusinessKey() {
    }

    public static String require(String what, String value) {
        if (!matches(value)) {
            throw new IllegalArgumentException(what + " must match " + PATTERN + " but was '" + value + "'");
        }
        return value;
    }

    /**
     * {@link #PATTERN}, checked character by character: every event payload carries several keys, and a
     * regular expression per key was a tenth of the query side's time reading the topic.
     */
    static boolean matches(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !letterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!letterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
