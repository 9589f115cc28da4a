package io.supplyline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The text of values for PostgreSQL's COPY and arrays: times to the microsecond, rounded as the JDBC driver rounds. */
class PostgresTextTest {

    private static final DateTimeFormatter COPY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSx");

    @Test
    void timesAreWrittenToTheMicrosecondRoundedHalfUp() {
        assertThat(PostgresText.text(Instant.parse("2026-12-03T01:02:03.123456499Z"))).isEqualTo("2026-12-03 01:02:03.123456+00");
        assertThat(PostgresText.text(Instant.parse("2026-12-03T01:02:03.123456500Z"))).isEqualTo("2026-12-03 01:02:03.123457+00");
        assertThat(PostgresText.text(Instant.parse("2026-12-31T23:59:59.999999600Z"))).isEqualTo("2027-01-01 00:00:00.000000+00");
        assertThat(PostgresText.text(Instant.parse("0500-03-01T00:00:00Z"))).isEqualTo("0500-03-01 00:00:00.000000+00");
    }

    @Test
    void anyTimeReadsBackAsTheSameMicrosecond() {
        Random random = new Random(16);
        for (int i = 0; i < 10_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 5_000_000_000L), random.nextInt(1_000_000_000));
            Instant rounded = at.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
            assertThat(OffsetDateTime.parse(PostgresText.text(at), COPY_TIME).toInstant()).as(at.toString()).isEqualTo(rounded);
        }
    }

    @Test
    void numbersEnumsAndTextAreWrittenAsTheyAre() {
        assertThat(PostgresText.text(-42L)).isEqualTo("-42");
        assertThat(PostgresText.text(7)).isEqualTo("7");
        assertThat(PostgresText.text(ChronoUnit.DAYS)).isEqualTo("DAYS");
        assertThat(PostgresText.text("a\tb")).isEqualTo("a\tb");
        assertThat(PostgresText.text(null)).isNull();
    }
}
