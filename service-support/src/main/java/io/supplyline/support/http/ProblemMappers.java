package io.supplyline.support.http;

import java.util.Comparator;
import java.util.List;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The answers both services give to the failures they share: invalid input, missing credentials,
 * a refused role, a client error, and anything unexpected. Every error leaves as problem+json with a
 * stable code; nothing leaks a stack trace. Each service maps its own exceptions beside these.
 */
@Singleton
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ProblemWording wording;

    public ProblemMappers(ProblemWording wording) {
        this.wording = wording;
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(wording.fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problems.response(400, wording.invalidCode(), wording.invalidDetail(), errors);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(Problems.response(401, "UNAUTHENTICATED",
                        "Send credentials: a bearer token, or HTTP Basic locally"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"supplyline\"")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"supplyline\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception) {
        return Problems.response(403, "FORBIDDEN", wording.forbiddenDetail());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException exception) {
        return wording.clientError(exception).orElseGet(() -> {
            Status status = Status.fromStatusCode(exception.getResponse().getStatus());
            if (status == null || status.getFamily() == Status.Family.SERVER_ERROR) {
                return unexpected(exception);
            }
            return Problems.response(status.getStatusCode(), status.name(), exception.getMessage());
        });
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable exception) {
        if (DatabaseOutage.causedBy(exception)) {
            LOG.warnf("Database unavailable: %s", exception.getMessage());
            return Response.fromResponse(Problems.response(503, DatabaseOutage.CODE, DatabaseOutage.DETAIL))
                    .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected failure", exception);
        return Problems.response(500, "INTERNAL_ERROR", "Something went wrong on our side");
    }
}
