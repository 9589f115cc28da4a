package io.supplyline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The hand-written check of a business key says exactly what its published pattern says. */
class BusinessKeyTest {

    private static final Pattern PUBLISHED = Pattern.compile(BusinessKey.PATTERN);

    @Test
    void agreesWithThePatternOnEdgeCases() {
        List<String> keys = new ArrayList<>(List.of("", "A", "a", "0", ".", "-A", "_A", "A.", "A-b_c.9", "PALLET-EUR",
                "BER:1", "BÖLT", "A B", "A\u0000", "A/B", "a".repeat(64), "a".repeat(65), "Z9", "z~"));
        for (String key : keys) {
            assertThat(BusinessKey.matches(key)).as("'%s'", key).isEqualTo(PUBLISHED.matcher(key).matches());
        }
        assertThat(BusinessKey.matches(null)).isFalse();
    }

    @Test
    void agreesWithThePatternOnRandomKeys() {
        Random random = new Random(16);
        String alphabet = "Aa0Zz9._-:/ \u00e9\u0001@[`{";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder key = new StringBuilder();
            for (int length = random.nextInt(70); length > 0; length--) {
                key.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(BusinessKey.matches(key.toString())).as("'%s'", key)
                    .isEqualTo(PUBLISHED.matcher(key).matches());
        }
    }

    @Test
    void refusesWithThePatternInTheMessage() {
        assertThatThrownBy(() -> BusinessKey.require("sku", "BER:1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(BusinessKey.PATTERN).hasMessageContaining("'BER:1'");
        assertThat(BusinessKey.require("sku", "BOLT-7")).isEqualTo("BOLT-7");
    }
}
