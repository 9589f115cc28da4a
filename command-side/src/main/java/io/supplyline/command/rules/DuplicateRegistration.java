package io.supplyline.command.rules;

/** Something with this business key is already registered (HTTP 409). */
public final class DuplicateRegistration extends CommandRejected {

    public DuplicateRegistration(String code, String detail) {
        super(code, detail);
    }
}
