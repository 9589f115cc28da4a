package io.supplyline.system;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * An event's audit hash as the documentation defines it, written here from that definition rather
 * than taken from the command side: a chain the service accepts as intact then shows that the
 * service hashes what it documents. SHA-256 over the predecessor's hash, aggregate id, sequence
 * (8 bytes), event id, type, revision, timestamp (ISO-8601 UTC to the millisecond), payload and
 * metadata; every field but the sequence is prefixed with its length in bytes (4 bytes, big-endian).
 */
final class DocumentedEventHash {

    /** The predecessor of an aggregate's first event: 64 zeros. */
    static final String GENESIS = "0".repeat(64);

    /** Always three fraction digits, which {@link Instant#toString()} leaves out when they are zero. */
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private DocumentedEventHash() {
    }

    static String of(String previousHash, String aggregateId, long sequence, String eventId, String type,
                     String revision, Instant timestamp, byte[] payload, byte[] metadata) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(input)) {
            prefixed(out, utf8(previousHash));
            prefixed(out, utf8(aggregateId));
            out.writeLong(sequence);
            prefixed(out, utf8(eventId));
            prefixed(out, utf8(type));
            prefixed(out, utf8(revision));
            prefixed(out, utf8(MILLIS.format(timestamp)));
            prefixed(out, payload);
            prefixed(out, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }


    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void prefixed(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
