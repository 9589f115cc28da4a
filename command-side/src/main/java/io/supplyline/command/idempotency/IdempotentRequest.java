package io.supplyline.command.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A command sent with an Idempotency-Key, as its row in {@code idempotent_request} is keyed: the
 * answer it got (its aggregate and that aggregate's version) is stored under the hash of caller and key.
 */
final class IdempotentRequest {

    private IdempotentRequest() {
    }

    /** Keys are per caller: two clients choosing the same key never see each other's answers. */
    static String idFor(String principal, String key) {
        return sha256(principal + "\n" + key);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
