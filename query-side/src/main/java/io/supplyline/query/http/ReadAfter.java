package io.supplyline.query.http;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Read-your-writes: waits, bounded, until a projection has applied the version a client wrote.
 * Each look runs in its own short transaction so it sees what the projection committed since; it
 * looks again when a projection commits here, or every {@value #RECHECK_MILLIS} ms otherwise.
 */
@Singleton
public class ReadAfter {

    private static final long RECHECK_MILLIS = 50;

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

    /** The projection has not caught up within the bound (HTTP 504). */
    public static final class ReadTimeout extends RuntimeException {
        ReadTimeout(Duration waited) {
            super("The read model did not reach the requested version within " + waited.toMillis() + " ms",
                    null, false, false);
        }
    }
}
