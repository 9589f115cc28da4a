package io.supplyline.command.rules;

import org.axonframework.messaging.MetaData;

/**
 * Optimistic concurrency for clients: a command sent with {@code If-Match: <version>} carries that
 * version as metadata and is refused (HTTP 412) unless the aggregate is still at it. Checked inside
 * the aggregate, under its lock, so it also covers aggregates created on first use.
 */
public final class ExpectedVersion {

    public static final String METADATA_KEY = "expectedVersion";

    private ExpectedVersion() {
    }

    /** @param current the aggregate's version, null when it has no events yet */
    public static void verify(MetaData metadata, Long current) {
        Object expected = metadata.get(METADATA_KEY);
        if (expected != null && !expected.equals(current)) {
            throw new VersionMismatch("The aggregate is at version " + (current == null ? "none (it does not exist)" : current)
                    + ", not " + expected);
        }
    }
}
