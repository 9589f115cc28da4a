package io.supplyline.query.http;

import java.time.Duration;
import java.util.Optional;

/** A request the service refuses: {@code status} and {@code code} of the problem+json answer. */
public class Refusal extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;

    public Refusal(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** @param retryAfter for a refusal that passes (503), when to try again: the answer's {@code Retry-After} */
    public Refusal(int status, String code, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
