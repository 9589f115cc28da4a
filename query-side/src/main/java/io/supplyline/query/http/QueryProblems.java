package io.supplyline.query.http;

import java.util.Optional;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.supplyline.support.http.ProblemMappers;
import io.supplyline.support.http.ProblemWording;
import io.supplyline.support.http.Problems;

/**
 * The query API's own problem answers (read-after-write, refusals), and its wording of the answers
 * {@link ProblemMappers} gives in both services.
 */
@Singleton
public class QueryProblems implements ProblemWording {

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

    @Override
    public String invalidCode() {
        return "INVALID_PARAMETER";
    }

    @Override
    public String invalidDetail() {
        return "The request has invalid parameters";
    }

    @Override
    public String fieldName(ConstraintViolation<?> violation) {
        String name = "";
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name;
    }

    @Override
    public String forbiddenDetail() {
        return "Your role may not read this";
    }

    /** Quarkus REST answers a query parameter it cannot convert (page=x) with a 404 caused by the failure. */
    @Override
    public Optional<Response> clientError(WebApplicationException exception) {
        return exception instanceof NotFoundException && exception.getCause() != null
                ? Optional.of(Problems.response(400, "INVALID_PARAMETER", "A parameter is not of the expected type"))
                : Optional.empty();
    }
}
