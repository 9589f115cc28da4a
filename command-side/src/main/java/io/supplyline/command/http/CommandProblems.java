package io.supplyline.command.http;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

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

import io.supplyline.command.rules.CommandRejected;
import io.supplyline.command.rules.DuplicateRegistration;
import io.supplyline.command.rules.UnknownReference;
import io.supplyline.command.rules.VersionMismatch;
import io.supplyline.support.http.Problem;
import io.supplyline.support.http.ProblemMappers;
import io.supplyline.support.http.ProblemWording;
import io.supplyline.support.http.Problems;

/**
 * The command API's own problem answers (refused commands, unreadable bodies, racing writers, audit
 * load), and its wording of the answers {@link ProblemMappers} gives in both services.
 */
@Singleton
public class CommandProblems implements ProblemWording {

    private static final Logger LOG = Logger.getLogger(CommandProblems.class);

    @ServerExceptionMapper
    public Response rejected(CommandRejected rejection) {
        int status = rejection instanceof UnknownReference ? 404
                : rejection instanceof DuplicateRegistration ? 409
                : rejection instanceof VersionMismatch ? 412
                : 422;
        return Problems.response(status, rejection.code(), rejection.getMessage());
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

    @Override
    public String invalidCode() {
        return "INVALID_INPUT";
    }

    @Override
    public String invalidDetail() {
        return "The request has invalid fields";
    }

    /** "register.body.sku" becomes "sku", "place.body.lines[0].quantity" "lines[0].quantity"; a path parameter its name. */
    @Override
    public String fieldName(ConstraintViolation<?> violation) {
        String[] path = violation.getPropertyPath().toString().split("\\.", 3);
        return path.length == 3 ? path[2] : path[path.length - 1];
    }

    @Override
    public String forbiddenDetail() {
        return "Your role may not do this";
    }

    /** Quarkus REST reports an unreadable body as a BadRequestException caused by Jackson. */
    @Override
    public Optional<Response> clientError(WebApplicationException exception) {
        return exception.getCause() instanceof JacksonException jackson ? Optional.of(unreadable(jackson))
                : Optional.empty();
    }

    /** Where in the JSON Jackson failed, as "lines[0].quantity"; empty when it was not at a field. */
    public static String fieldPath(JacksonException exception) {
        return exception instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("") : "";
    }
}
