package io.supplyline.support.http;

import java.util.List;
import java.util.Map;

/**
 * Query parameters and paths with a control character (NUL, escape, ...) are refused by both
 * services: no id, filter or instant holds one, and PostgreSQL cannot even compare text with a NUL.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** @return the name of the first parameter (or "path") holding a control character, or null */
    public static String firstIn(String path, Map<String, List<String>> queryParameters) {
        if (holdsAny(path)) {
            return "path";
        }
        for (Map.Entry<String, List<String>> parameter : queryParameters.entrySet()) {
            if (holdsAny(parameter.getKey()) || parameter.getValue().stream().anyMatch(ControlCharacters::holdsAny)) {
                return parameter.getKey();
            }
        }
        return null;
    }

    private static boolean holdsAny(String text) {
        return text != null && text.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL);
    }
}
