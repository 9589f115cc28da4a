package io.supplyline.query.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;
import jakarta.ws.rs.NotFoundException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.supplyline.query.projection.AppliedVersions;
import io.supplyline.query.projection.CommitSignal;

/**
 * Read-your-writes: waits, bounded, until a projection has applied the version a client wrote.
 * Each look runs in its own short transaction so it sees what the projection committed since; it
 * looks again when a projection commits here, or every {@value #RECHECK_MILLIS} ms otherwise.
 */
@Singleton
public class ReadAfter {

    public static final String HEADER = "X-Read-After";
    private static final long RECHECK_MILLIS = 50;
    private static final Pattern WRITE = Pattern.compile("([^@\\s,]{1,200})@(\\d{1,18})");

    private final Duration maxWait;
    private final CommitSignal commits;

    ReadAfter(@ConfigProperty(name = "supplyline.read-after.max-wait", defaultValue = "5s") Duration maxWait,
              CommitSignal commits) {
        this.maxWait = maxWait;
        this.commits = commits;
    }

    /** The current read, or once it is there and {@code ready}; {@link ReadTimeout} past the bound. */
    public <T> Optional<T> await(Supplier<Optional<T>> read, Predicate<T> ready) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            long seen = commits.generation();
            Optional<T> current = QuarkusTransaction.requiringNew().call(read::get);
            if (current.filter(ready).isPresent()) {
                return current;
            }
            if (System.nanoTime() > deadline) {
                throw new ReadTimeout(maxWait);
            }
            try {
                commits.awaitCommitAfter(seen, Math.min(RECHECK_MILLIS, (deadline - System.nanoTime()) / 1_000_000 + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReadTimeout(maxWait);
            }
        }
    }

    /**
     * One item of a read model: as it is, or with {@code minVersion} once it has reached that version.
     *
     * @throws NotFoundException when there is no such item
     */
    public <T> T item(Supplier<Optional<T>> read, Long minVersion, ToLongFunction<T> version, String notFound) {
        Optional<T> item = minVersion == null ? read.get() : await(read, view -> version.applyAsLong(view) >= minVersion);
        return item.orElseThrow(() -> new NotFoundException(notFound));
    }

    /**
     * Waits until the read model has applied every write named in {@code X-Read-After} headers, each
     * {@code aggregateId@version} (the header may repeat, or list several separated by commas). A write
     * to an aggregate the read model does not follow needs no wait.
     */
    public void awaitHeaders(List<String> headers, AppliedVersions readModel) {
        if (headers == null) {
            return;
        }
        for (String header : headers) {
            for (String mark : header.split(",")) {
                Matcher write = WRITE.matcher(mark.trim());
                if (!write.matches()) {
                    throw new InvalidReadAfter(mark.trim());
                }
                String aggregateId = write.group(1);
                long version = Long.parseLong(write.group(2));
                await(() -> Optional.of(readModel.appliedVersion(aggregateId)),
                        applied -> applied.isEmpty() || applied.getAsLong() >= version);
            }
        }
    }

    /** An {@code X-Read-After} value that is not {@code aggregateId@version} (HTTP 400). */
    public static final class InvalidReadAfter extends RuntimeException {
        InvalidReadAfter(String value) {
            super("X-Read-After must be aggregateId@version, such as stock:BER-1:PALLET-EUR@3, not '" + value + "'",
                    null, false, false);
        }
    }

    /** The projection has not caught up within the bound (HTTP 504). */
    public static final class ReadTimeout extends RuntimeException {
        ReadTimeout(Duration waited) {
            super("The read model did not reach the requested version within " + waited.toMillis() + " ms",
                    null, false, false);
        }
    }
}
