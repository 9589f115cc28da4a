package io.supplyline.command.eventstore;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A PostgreSQL snapshot ({@code pg_current_snapshot()}) in its text form {@code xmin:xmax:xip,...}:
 * which transactions had committed when it was taken. It shows a transaction id below {@code xmin},
 * and one below {@code xmax} that is not in progress; any later one it does not show. Two snapshots of
 * one server are ordered by time: the later one shows everything the earlier one does.
 */
public final class TxSnapshot {

    /** Shows no transaction: a reader that has delivered nothing. */
    public static final TxSnapshot NOTHING = parse("1:1:");
    /**
     * Shows only transaction id 1, which stands for every event stored before transaction ids were
     * recorded (the upgrade's migration gave them that id).
     */
    static final TxSnapshot BEFORE_TRANSACTION_IDS = parse("2:2:");
    /** The transaction id the events stored before the upgrade carry. */
    static final long LEGACY_TXID = 1;

    private final String text;
    private final long xmin;
    private final long xmax;
    private final long[] inProgress;

    private TxSnapshot(String text, long xmin, long xmax, long[] inProgress) {
        this.text = text;
        this.xmin = xmin;
        this.xmax = xmax;
        this.inProgress = inProgress;
    }

    @JsonCreator
    public static TxSnapshot parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a PostgreSQL snapshot: " + text);
        }
        long[] inProgress = parts[2].isEmpty() ? new long[0]
                : Arrays.stream(parts[2].split(",")).mapToLong(Long::parseLong).sorted().toArray();
        return new TxSnapshot(text, Long.parseLong(parts[0]), Long.parseLong(parts[1]), inProgress);
    }

    /** Whether the transaction had committed (or ended) when this snapshot was taken. */
    public boolean shows(long txid) {
        return txid < xmin || (txid < xmax && Arrays.binarySearch(inProgress, txid) < 0);
    }

    /** Whether this snapshot shows every transaction the other one shows (it was taken no earlier). */
    public boolean includes(TxSnapshot other) {
        if (other.xmax > xmax) {
            return false;
        }
        for (long running : inProgress) {
            if (running < other.xmax && other.shows(running)) {
                return false;
            }
        }
        return true;
    }

    boolean hasInProgress() {
        return inProgress.length > 0;
    }

    long xmax() {
        return xmax;
    }

    /** The transactions in progress, as a PostgreSQL array literal. */
    String inProgressArray() {
        return Arrays.stream(inProgress).mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}"));
    }

    @JsonValue
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TxSnapshot snapshot && text.equals(snapshot.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
