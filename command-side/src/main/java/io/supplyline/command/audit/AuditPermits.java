package io.supplyline.command.audit;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.supplyline.command.http.TooBusy;

/**
 * The auditor requests that read the whole store or topic (search, export, verification,
 * reconciliation) run at most {@code supplyline.audit.max-concurrent} at a time per instance, so a
 * few auditors cannot take every database connection and core from the commands.
 */
@Singleton
public class AuditPermits {

    private final Semaphore permits;
    private final int max;

    AuditPermits(@ConfigProperty(name = "supplyline.audit.max-concurrent") int max) {
        this.permits = new Semaphore(max);
        this.max = max;
    }

    /** Runs {@code work} holding a permit; with none free, refuses at once (429). */
    public <T> T call(Supplier<T> work) {
        Runnable release = acquire();
        try {
            return work.get();
        } finally {
            release.run();
        }
    }

    /** A permit for work that ends later (a streamed answer): run the returned release exactly once. */
    public Runnable acquire() {
        if (!permits.tryAcquire()) {
            throw new TooBusy(max + " audit requests are running on this instance; try again shortly");
        }
        return permits::release;
    }
}
