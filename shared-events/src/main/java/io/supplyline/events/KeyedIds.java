package io.supplyline.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Ids that follow from a caller and its idempotency key (an HTTP {@code Idempotency-Key}, or an inbound
 * feed record's {@code recordId}, caller {@code feed:<name>}). Part of the contract: a sales channel whose
 * order went through Kafka knows the order's id without waiting for an answer.
 */
public final class KeyedIds {

    private KeyedIds() {
    }

    /** Under which the outcome of a caller's key is kept; keys are per caller. */
    public static String keyId(String principal, String key) {
        return sha256(principal + "\n" + key);
    }

    /** The id of the aggregate that a creating command sent with this key creates: the same on every retry. */
    public static UUID newAggregateId(String principal, String key) {
        return UUID.nameUUIDFromBytes(("new aggregate\n" + keyId(principal, key)).getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
