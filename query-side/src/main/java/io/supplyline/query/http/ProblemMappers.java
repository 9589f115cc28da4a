package io.supplyline.query.http;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.supplyline.events.http.DatabaseOutage;
import io.supplyline.events.http.Problem;

/** Every error leaves as problem+json with a stable code; nothing leaks a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(parameterName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problems.response(400, "INVALID_PARAMETER", "The request has invalid parameters", errors);
    }

    @ServerExceptionMapper
    public Response invalidReadAfter(ReadAfter.InvalidReadAfter invalid) {
        return Problems.response(400, "INVALID_READ_AFTER", invalid.getMessage());
    }

    @ServerExceptionMapper
    public Response refused(Refusal refused) {
        Response problem = Problems.response(refused.status(), refused.code(), refused.getMessage());
        return refused.retryAfter()
                .map(wait -> Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, wait.toSeconds()).build())
                .orElse(problem);
    }

    @ServerExceptionMapper
    public Response notCaughtUp(ReadAfter.ReadTimeout timeout) {
        return Problems.response(504, "READ_MODEL_BEHIND", timeout.getMessage());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(Problems.response(401, "UNAUTHENTICATED", "Send credentials: a bearer token, or HTTP Basic locally"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"supplyline\"")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"supplyline\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception) {
        return Problems.response(403, "FORBIDDEN", "Your role may not read this");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException exception) {
        // Quarkus REST answers a query parameter it cannot convert (page=x) with a 404 caused by the failure.
        if (exception instanceof NotFoundException && exception.getCause() != null) {
            return Problems.response(400, "INVALID_PARAMETER", "A parameter is not of the expected type");
        }
        Status status = Status.fromStatusCode(exception.getResponse().getStatus());
        if (status == null || status.getFamily() == Status.Family.SERVER_ERROR) {
            return unexpected(exception);
        }
        return Problems.response(status.getStatusCode(), status.name(), exception.getMessage());
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

    private static String parameterName(ConstraintViolation<?> violation) {
        String name = "";
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name;
    }
}
