package io.supplyline.command.http;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

/**
 * Dates and instants in command bodies lie within so many years of today: a delivery date in the
 * year 9999 or 0001 is a typo or an attack, and would skew every read model that sorts or sums by it.
 */
final class PlausibleTime {

    private PlausibleTime() {
    }

    static SimpleModule module(int years) {
        return new SimpleModule("plausible-time")
                .addDeserializer(LocalDate.class, new Checked<>(LocalDate.class, LocalDateDeserializer.INSTANCE, years,
                        date -> date.atStartOfDay().toInstant(ZoneOffset.UTC)))
                .addDeserializer(Instant.class, new Checked<>(Instant.class, InstantDeserializer.INSTANT, years,
                        instant -> instant));
    }

    private interface AsInstant<T> {
        Instant of(T value);
    }

    private static final class Checked<T> extends StdScalarDeserializer<T> {

        private final JsonDeserializer<? extends T> parse;
        private final int years;
        private final AsInstant<T> asInstant;

        Checked(Class<T> type, JsonDeserializer<? extends T> parse, int years, AsInstant<T> asInstant) {
            super(type);
            this.parse = parse;
            this.years = years;
            this.asInstant = asInstant;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = parse.deserialize(parser, context);
            if (value == null) {
                return null;
            }
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Instant earliest = today.minusYears(years).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant latest = today.plusYears(years).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant instant = asInstant.of(value);
            if (instant.isBefore(earliest) || !instant.isBefore(latest)) {
                throw new InputRefused(parser, "must lie within " + years + " years of today");
            }
            return value;
        }
    }
}
