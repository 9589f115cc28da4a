package io.supplyline.command.http;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.supplyline.command.rules.CommandRejected;
import io.supplyline.support.http.DatabaseOutage;

/**
 * Counts and times the commands sent over HTTP, by command and outcome, at {@code /q/metrics} as
 * {@code supplyline_commands_seconds} (a histogram, so percentiles can be taken across instances).
 * Outcomes: {@code accepted}; {@code refused} by the business rules; {@code unknown} aggregate;
 * {@code conflict} with a concurrent writer after the retries; {@code unavailable}, the database away
 * (answered 503); {@code failed}, anything else.
 */
@Singleton
public class CommandMetrics {

    private final MeterRegistry registry;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    <T> T timed(Object command, Supplier<T> send) {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            T result = send.get();
            outcome = "accepted";
            return result;
        } catch (CommandRejected rejected) {
            outcome = "refused";
            throw rejected;
        } catch (AggregateNotFoundException unknown) {
            outcome = "unknown";
            throw unknown;
        } catch (ConcurrencyException | AggregateStreamCreationException conflict) {
            outcome = "conflict";
            throw conflict;
        } catch (RuntimeException failure) {
            outcome = DatabaseOutage.causedBy(failure) ? "unavailable" : "failed";
            throw failure;
        } finally {
            Timer.builder("supplyline.commands")
                    .description("Commands sent over HTTP, by command and outcome")
                    .tag("command", command.getClass().getSimpleName())
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
