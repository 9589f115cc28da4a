package io.supplyline.query.http;

import io.supplyline.support.http.DocumentedProblem;

/**
 * Every {@code code} a problem answer of this API can carry, with its status and what it means to a
 * client. The OpenAPI document lists, for each response of each operation, the codes it can carry
 * from here; ProblemCodeCatalogTest fails when the code makes one that is missing.
 */
public enum ProblemCode implements DocumentedProblem {

    INVALID_PARAMETER(400, "a parameter breaks its constraint, is not of its type or holds a control character;"
            + " `errors` names each when known"),
    INVALID_READ_AFTER(400, "an `X-Read-After` value is not `aggregateId@version`"),
    UNAUTHENTICATED(401, "no credentials, or credentials that are not valid"),
    FORBIDDEN(403, "the caller's role may not read this"),
    CSRF_TOKEN_MISSING(403, "a change sent by a browser lacks the `X-CSRF-Token` header with the token of"
            + " `GET /session`"),
    NOT_FOUND(404, "the read model has no such item"),
    UNKNOWN_PROJECTION(404, "no projection of that name"),
    UNKNOWN_DEAD_LETTER(404, "no parked event with that id"),
    AS_OF_NEEDS_POSTGRESQL(409, "replaying into scratch tables needs PostgreSQL; this instance runs on H2"
            + " (the local default)"),
    REBUILD_NEEDS_POSTGRESQL(409, "rebuilding into fresh tables needs PostgreSQL; this instance runs on H2"
            + " (the local default)"),
    REBUILD_RUNNING(409, "a rebuild is running already, on this instance or another"),
    TOO_MANY_AUDIT_REQUESTS(429, "as many as-of replays as this instance runs at once are running"),
    INTERNAL_ERROR(500, "a fault on our side"),
    DATABASE_UNAVAILABLE(503, "the database cannot be reached"),
    TOO_MANY_STREAMS(503, "this instance streams to as many clients as it may"),
    READ_MODEL_BEHIND(504, "the read model did not reach the requested version in time (5 s by default)");

    private final int status;
    private final String meaning;

    ProblemCode(int status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
