package io.supplyline.command.http;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.supplyline.events.http.DatabaseOutage;
import io.supplyline.events.http.Problem;
import io.supplyline.command.rules.CommandRejected;
import io.supplyline.command.rules.DuplicateRegistration;
import io.supplyline.command.rules.UnknownReference;
import io.supplyline.command.rules.VersionMismatch;

/** Every error leaves as problem+json with a stable code; nothing leaks a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response rejected(CommandRejected rejection) {
        int status = rejection instanceof UnknownReference ? 404
                : rejection instanceof DuplicateRegistration ? 409
                : rejection instanceof VersionMismatch ? 412
                : 422;
        return Problems.response(status, rejection.code(), rejection.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problems.response(400, "INVALID_INPUT", "The request has invalid fields", errors);
    }

    /** Named one by one: Quarkus has its own mappers for the more specific Jackson exceptions. */
    @ServerExceptionMapper({JacksonException.class, MismatchedInputException.class, InvalidFormatException.class})
    public Response unreadable(JacksonException exception) {
        String field = fieldPath(exception);
        String message = exception instanceof UnrecognizedPropertyException ? "is not a field of this request"
                : exception instanceof InputRefused refused ? refused.getOriginalMessage()
                : "has the wrong type or value";
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, message));
        // Well-formed JSON with a value no command takes is invalid input, like a failed constraint.
        return exception instanceof InputRefused
                ? Problems.response(400, "INVALID_INPUT", "The request has invalid fields", errors)
                : Problems.response(400, "MALFORMED_JSON", "The body is not the JSON this endpoint takes", errors);
    }

    @ServerExceptionMapper
    public Response unknownAggregate(AggregateNotFoundException exception) {
        return Problems.response(404, "UNKNOWN_AGGREGATE", "No " + exception.getAggregateIdentifier() + " exists");
    }

    /**
     * Two writers raced for the same aggregate and the event store's unique key let one win:
     * a conflicting append, or a second creation of an aggregate that did not exist a moment ago.
     */
    @ServerExceptionMapper({ConcurrencyException.class, AggregateStreamCreationException.class})
    public Response conflict() {
        return Problems.response(409, "CONCURRENT_MODIFICATION",
                "Another command created or changed this aggregate at the same time; retry");
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
        return Problems.response(403, "FORBIDDEN", "Your role may not do this");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException exception) {
        // Quarkus REST reports an unreadable body as a BadRequestException caused by Jackson.
        if (exception.getCause() instanceof JacksonException jackson) {
            return unreadable(jackson);
        }
        Status status = Status.fromStatusCode(exception.getResponse().getStatus());
        if (status == null || status.getFamily() == Status.Family.SERVER_ERROR) {
            return unexpected(exception);
        }
        return Problems.response(status.getStatusCode(), status.name(), exception.getMessage());
    }

    @ServerExceptionMapper
    public Response busy(TooBusy busy) {
        return Response.fromResponse(Problems.response(429, "TOO_MANY_AUDIT_REQUESTS", busy.getMessage()))
                .header("Retry-After", TooBusy.RETRY_AFTER_SECONDS).build();
    }

    /** Long audit work stopped because nobody waits for its answer any more; nobody reads this one either. */
    @ServerExceptionMapper
    public Response abandoned(CancellationException exception) {
        LOG.infof("Stopped: %s", exception.getMessage());
        return Problems.response(499, "CLIENT_GONE", exception.getMessage());
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

    /** Where in the JSON Jackson failed, as "lines[0].quantity"; empty when it was not at a field. */
    public static String fieldPath(JacksonException exception) {
        return exception instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("") : "";
    }

    /** "register.body.sku" becomes "sku", "place.body.lines[0].quantity" "lines[0].quantity"; a path parameter its name. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String[] path = violation.getPropertyPath().toString().split("\\.", 3);
        return path.length == 3 ? path[2] : path[path.length - 1];
    }
}
