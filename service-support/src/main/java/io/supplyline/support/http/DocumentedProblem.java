package io.supplyline.support.http;

/** A code of a service's problem catalogue, as its OpenAPI document lists it ({@link ProblemResponses}). */
public interface DocumentedProblem {

    String name();

    int status();

    /** What the code means to a client. */
    String meaning();
}
