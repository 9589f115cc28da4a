package io.supplyline.query.projection;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A column's value in the text form PostgreSQL reads in {@code COPY} and in arrays, written out by hand:
 * the projection engine writes every new and changed row this way ({@link CopyRows}, {@link RowWrites}).
 */
final class PostgresText {

    private PostgresText() {
    }

    /**
     * {@code value} (as {@link RowColumn#get} returned it) in the text form PostgreSQL reads in {@code COPY} and in
     * arrays; null stays null.
     */
    static String text(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        return appendText(new StringBuilder(32), value).toString();
    }

    /**
     * Appends {@code value}'s text (see {@link #text}): times to the microsecond, rounded as the JDBC driver
     * rounds what it binds, written out directly (a formatter cost more than the rest of a row's copy).
     */
    static StringBuilder appendText(StringBuilder text, Object value) {
        if (value instanceof Instant at) {
            return appendInstant(text, at);
        }
        if (value instanceof Long number) {
            return text.append(number.longValue());
        }
        if (value instanceof Integer number) {
            return text.append(number.intValue());
        }
        if (value instanceof Enum<?> constant) {
            return text.append(constant.name());
        }
        return text.append(value);
    }

    private static final long LAST_FOUR_DIGIT_SECOND = LocalDate.of(9999, 12, 31).toEpochDay() * 86_400 + 86_399;

    private static StringBuilder appendInstant(StringBuilder text, Instant at) {
        long seconds = at.getEpochSecond();
        long micros = at.getNano() / 1000 + (at.getNano() % 1000 > 499 ? 1 : 0);
        if (micros == 1_000_000) {
            seconds++;
            micros = 0;
        }
        if (seconds < LocalDate.of(1, 1, 1).toEpochDay() * 86_400 || seconds > LAST_FOUR_DIGIT_SECOND) {
            // Years of other than four digits: ISO-8601 as the JDK writes it.
            return text.append(Instant.ofEpochSecond(seconds, micros * 1000));
        }
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int second = (int) Math.floorMod(seconds, 86_400);
        pad(text, day.getYear(), 4).append('-');
        pad(text, day.getMonthValue(), 2).append('-');
        pad(text, day.getDayOfMonth(), 2).append(' ');
        pad(text, second / 3600, 2).append(':');
        pad(text, second / 60 % 60, 2).append(':');
        pad(text, second % 60, 2).append('.');
        return pad(text, (int) micros, 6).append("+00");
    }

    private static StringBuilder pad(StringBuilder text, int number, int digits) {
        for (int limit = 10, width = 1; width < digits; limit *= 10, width++) {
            if (number < limit) {
                text.append('0');
            }
        }
        return text.append(number);
    }
}
