package io.supplyline.command.audit;

import java.util.List;

/**
 * The outcome of recomputing the hash chains: intact, or how many links broke, the first named on
 * its own and the first hundred listed (in aggregate and sequence order; then the events that have
 * no audit record at all).
 */
public record ChainVerification(boolean intact, long eventsChecked, long aggregatesChecked, long brokenLinkCount,
                                long millis,
                                BrokenLink firstBroken, List<BrokenLink> brokenLinks) {

    /**
     * @param problem {@code ALTERED} (the stored event no longer hashes to its recorded hash),
     *                {@code DELETED} (the audit trail records an event the store no longer has),
     *                {@code MISSING} (the trail skips sequence numbers: records deleted, or never written),
     *                {@code RELINKED} (the record's predecessor hash is not its predecessor's hash),
     *                {@code UNRECORDED} (a stored event that was never appended through the service)
     */
    public record BrokenLink(String aggregateId, long sequence, String eventId, String problem, String detail) {
    }
}
