package io.supplyline.command.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash of one stored event: SHA-256 over its predecessor's hash and every stored field that
 * says what happened (aggregate, sequence, event id, type, revision, timestamp, payload, metadata),
 * each length-prefixed so that no two different events share an input.
 */
final class EventHash {

    /** The "predecessor" of an aggregate's first event. */
    public static final String GENESIS = "0".repeat(64);

    /** Milliseconds, as the event store keeps a timestamp. */
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private EventHash() {
    }

    /**
     * @param timestamp hashed to the millisecond, the precision the event store keeps, so the
     *                  appended message and the stored row hash alike
     */
    public static String of(String previousHash, String aggregateId, long sequence, String eventId, String type,
                            String revision, Instant timestamp, byte[] payload, byte[] metadata) {
        MessageDigest sha256 = sha256();
        text(sha256, previousHash);
        text(sha256, aggregateId);
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(sequence).array());
        text(sha256, eventId);
        text(sha256, type);
        text(sha256, revision == null ? "" : revision);
        text(sha256, MILLIS.format(timestamp));
        bytes(sha256, payload);
        bytes(sha256, metadata == null ? new byte[0] : metadata);
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void text(MessageDigest sha256, String value) {
        bytes(sha256, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(MessageDigest sha256, byte[] value) {
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        sha256.update(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
