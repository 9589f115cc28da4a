package io.supplyline.command.eventstore;

import java.util.List;
import java.util.OptionalLong;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * How far a reader of the PostgreSQL event store has come, in the order transactions committed.
 * <p>
 * Delivered are the events of every transaction {@code base} shows as committed. While the reader is
 * taking the next step, the events that became visible between {@code base} and {@code bound} (two
 * snapshots) are delivered in global-index order, up to {@code last}; once all are, {@code bound}
 * becomes the base. A transaction that commits late is simply not shown by the snapshots taken
 * before, so it is part of a later step, however far behind its global index is: nothing is ever
 * skipped, and nothing is waited for.
 * <p>
 * {@code floor} is the highest global index delivered before {@code base}; it only tells the reader
 * where rows of later transactions can begin, so that it reads forwards through the index rather
 * than through the whole table. {@code legacy} is set only in a token converted from the gap-aware
 * token of the version before commit order: the events stored then that it had not delivered yet.
 */
public record CommitOrderToken(TxSnapshot base, long floor, TxSnapshot bound, long last, LegacyTail legacy)
        implements TrackingToken {

    /**
     * Events stored before transaction ids were recorded (transaction id 1) that the old gap-aware
     * token had not delivered: those above {@code index} and those in its {@code gaps}, delivered
     * first, in global-index order, up to {@code cursor}.
     */
    public record LegacyTail(long index, List<Long> gaps, long cursor) {

        boolean pending(long globalIndex) {
            return globalIndex > index || gaps.contains(globalIndex);
        }
    }

    /** A reader that has delivered nothing. */
    public static CommitOrderToken tail() {
        return new CommitOrderToken(TxSnapshot.NOTHING, -1, null, -1, null);
    }

    /** Delivered: every committed transaction the snapshot shows. */
    static CommitOrderToken at(TxSnapshot snapshot, long floor) {
        return new CommitOrderToken(snapshot, floor, null, -1, null);
    }

    /** A reader's position as kept here: {@code null} is the tail; the gap-aware token of the version before is converted. */
    static CommitOrderToken of(TrackingToken token) {
        if (token == null) {
            return tail();
        }
        if (token instanceof CommitOrderToken commitOrder) {
            return commitOrder;
        }
        if (token instanceof GapAwareTrackingToken old) {
            return convert(old);
        }
        throw new IllegalArgumentException("Not a position in the event store: " + token);
    }

    /** The same position as the gap-aware token of the version before, which read by global index only. */
    static CommitOrderToken convert(GapAwareTrackingToken old) {
        return new CommitOrderToken(TxSnapshot.BEFORE_TRANSACTION_IDS, old.getIndex(), null, -1,
                new LegacyTail(old.getIndex(), List.copyOf(old.getGaps()), -1));
    }

    /** The position after delivering the row of this step with the given global index. */
    CommitOrderToken deliveredInStep(TxSnapshot stepBound, long globalIndex) {
        return new CommitOrderToken(base, floor, stepBound, globalIndex, null);
    }

    /** The position once the step to {@code stepBound} is complete, its highest global index given. */
    CommitOrderToken stepDone(TxSnapshot stepBound, long highestInStep) {
        return at(stepBound, Math.max(floor, highestInStep));
    }

    /** Whether this position includes the event of the given transaction and global index. */
    public boolean delivers(long txid, long globalIndex) {
        if (legacy != null && txid == TxSnapshot.LEGACY_TXID && legacy.pending(globalIndex)) {
            return globalIndex <= legacy.cursor;
        }
        return base.shows(txid) || (bound != null && bound.shows(txid) && globalIndex <= last);
    }

    /** The last snapshot this position has reached, completely or in part. */
    private TxSnapshot reach() {
        return bound != null ? bound : base;
    }

    @Override
    public boolean covers(TrackingToken other) {
        if (other == null) {
            return true;
        }
        if (!(other instanceof CommitOrderToken that)) {
            return false;
        }
        if (legacy != null) {
            return that.legacy != null && base.equals(that.base) && that.bound == null
                    && legacy.index == that.legacy.index && legacy.gaps.equals(that.legacy.gaps)
                    && legacy.cursor >= that.legacy.cursor;
        }
        return base.includes(that.reach())
                || (base.equals(that.base) && bound != null && bound.equals(that.bound) && last >= that.last);
    }

    @Override
    public TrackingToken lowerBound(TrackingToken other) {
        if (covers(other)) {
            return other;
        }
        if (other instanceof CommitOrderToken that && that.covers(this)) {
            return this;
        }
        if (!(other instanceof CommitOrderToken that) || legacy != null || that.legacy != null) {
            return tail();
        }
        // Each delivered at least what its base shows; the earlier base is delivered by both.
        TxSnapshot earlier = that.base.includes(base) ? base : base.includes(that.base) ? that.base : TxSnapshot.NOTHING;
        return at(earlier, Math.min(floor, that.floor));
    }

    @Override
    public TrackingToken upperBound(TrackingToken other) {
        if (covers(other)) {
            return this;
        }
        if (!(other instanceof CommitOrderToken that)) {
            throw new IllegalArgumentException("Not a position in the same event store: " + other);
        }
        if (that.covers(this)) {
            return that;
        }
        // What each has reached, in part or wholly, is shown by the later of the two snapshots.
        TxSnapshot later = reach().includes(that.reach()) ? reach() : that.reach();
        return at(later, Math.max(Math.max(floor, last), Math.max(that.floor, that.last)));
    }

    @Override
    public OptionalLong position() {
        return OptionalLong.of(Math.max(floor, last));
    }
}
