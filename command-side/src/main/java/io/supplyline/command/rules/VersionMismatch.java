package io.supplyline.command.rules;

/** The client's {@code If-Match} version is not the aggregate's current one (HTTP 412). */
public final class VersionMismatch extends CommandRejected {

    public VersionMismatch(String detail) {
        super("VERSION_MISMATCH", detail);
    }
}
