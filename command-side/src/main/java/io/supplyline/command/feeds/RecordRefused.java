package io.supplyline.command.feeds;

/** A record that no retry can make acceptable: it goes to the rejected topic with this code and detail. */
public class RecordRefused extends RuntimeException {

    private final String code;

    public RecordRefused(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
