package io.supplyline.query.admin;

/** A rebuild that cannot start: {@code status} and {@code code} of the problem answer. */
public class RebuildRefused extends RuntimeException {

    private final int status;
    private final String code;

    RebuildRefused(int status, String code, String message) {
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
