package io.supplyline.command.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A command sent with an Idempotency-Key and the answer it got: its aggregate and that aggregate's version. */
@Entity
@Table(name = "idempotent_request")
public class IdempotentRequest extends PanacheEntityBase {

    @Id
    public String id;
    public String principal;
    public String idempotencyKey;
    /** What was asked: a retry must ask the same to get the same answer. */
    public String requestHash;
    /** The command message that recorded this; another command with the same key is a duplicate. */
    public String commandId;
    public String aggregateId;
    public long version;
    public Instant recordedAt;

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
