package io.supplyline.events;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** A non-negative amount in an ISO 4217 currency, at most four decimal places. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("amount must be at least 0 with at most 4 decimals but was " + amount);
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code but was '" + currency + "'");
        }
        Currency.getInstance(currency);
    }
}
