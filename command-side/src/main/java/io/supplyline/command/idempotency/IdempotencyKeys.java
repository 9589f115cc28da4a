package io.supplyline.command.idempotency;

import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.supplyline.command.http.CommandAccepted;
import io.supplyline.command.rules.BusinessRuleViolation;

/** Looks up the first answer to a key, as committed by {@link IdempotencyRecorder}. */
@Singleton
public class IdempotencyKeys {

    /**
     * The answer the first request with this key got, if it succeeded; the same key with a
     * different request is refused (HTTP 422).
     */
    public Optional<CommandAccepted> firstAnswer(String principal, String key, String requestHash) {
        Optional<IdempotentRequest> first = QuarkusTransaction.requiringNew()
                .call(() -> IdempotentRequest.<IdempotentRequest>findByIdOptional(IdempotentRequest.idFor(principal, key)));
        first.filter(request -> !request.requestHash.equals(requestHash)).ifPresent(request -> {
            throw new BusinessRuleViolation("IDEMPOTENCY_KEY_REUSED",
                    "Idempotency-Key " + key + " was already used for a different request");
        });
        return first.map(request -> new CommandAccepted(request.aggregateId, request.version));
    }

    /** Fingerprint of what a command asks: its type, its content and the version it expects. */
    public static String requestHash(Object command, String json, Object expectedVersion) {
        return IdempotentRequest.sha256(command.getClass().getName() + "\n" + json + "\n" + expectedVersion);
    }
}
