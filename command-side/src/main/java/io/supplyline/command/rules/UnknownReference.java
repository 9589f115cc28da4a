package io.supplyline.command.rules;

/** The command names a product, warehouse or other aggregate that does not exist (HTTP 404). */
public final class UnknownReference extends CommandRejected {

    public UnknownReference(String code, String detail) {
        super(code, detail);
    }
}
