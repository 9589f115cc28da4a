package io.supplyline.command.rules;

/** The command is well formed but breaks a rule of the domain (HTTP 422). */
public final class BusinessRuleViolation extends CommandRejected {

    public BusinessRuleViolation(String code, String detail) {
        super(code, detail);
    }
}
