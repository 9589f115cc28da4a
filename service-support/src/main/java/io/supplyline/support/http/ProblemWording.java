package io.supplyline.support.http;

import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * What the shared {@link ProblemMappers} leave to each service (a bean of it): how it words the
 * answers that differ between an API that takes bodies and one that takes only parameters.
 */
public interface ProblemWording {

    /** The code of the 400 for input that breaks its constraints. */
    String invalidCode();

    /** The detail of the 400 for input that breaks its constraints. */
    String invalidDetail();

    /** The name a constraint violation stands under in the problem's {@code errors}. */
    String fieldName(ConstraintViolation<?> violation);

    /** The detail of the 403. */
    String forbiddenDetail();

    /**
     * The service's own answer to a client error it reads otherwise than by its status (a body it
     * cannot read, a parameter of the wrong type), or empty for the status's own answer.
     */
    Optional<Response> clientError(WebApplicationException exception);
}
