package io.supplyline.command.http;

/** Refused for now because this instance runs as many such requests as it may (429 with Retry-After). */
public class TooBusy extends RuntimeException {

    static final int RETRY_AFTER_SECONDS = 5;

    public TooBusy(String message) {
        super(message);
    }
}
