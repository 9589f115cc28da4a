package io.supplyline.query.http;

/** A request the service refuses: {@code status} and {@code code} of the problem+json answer. */
public class Refusal extends RuntimeException {

    private final int status;
    private final String code;

    public Refusal(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
