package io.supplyline.query.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** A query parameter that is an instant: ISO-8601 with an offset, e.g. {@code 2026-11-26T08:00:00Z}. */
public final class InstantParameter {

    /** The form a parameter's {@code @Pattern} checks; {@link #parse} refuses what has it and is no instant. */
    public static final String PATTERN =
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})";

    private InstantParameter() {
    }

    /** The instant {@code text} (which has the {@link #PATTERN} form) names; a 400 problem if it names none. */
    public static Instant parse(String name, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refusal(400, "INVALID_PARAMETER", name + " is not an instant: " + text);
        }
    }
}
