package io.supplyline.command.rules;

/**
 * A command the business rules refuse. Nothing is appended; the HTTP layer answers with the
 * stable {@link #code()} that clients can act on.
 */
public abstract sealed class CommandRejected extends RuntimeException
        permits BusinessRuleViolation, DuplicateRegistration, UnknownReference, VersionMismatch {

    private final String code;

    protected CommandRejected(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
