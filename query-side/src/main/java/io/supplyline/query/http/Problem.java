package io.supplyline.query.http;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details with a stable {@code code} clients can branch on and, for invalid
 * input, one entry per offending field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public record FieldError(String field, String message) {
    }

    public static Response response(int status, String code, String detail) {
        return response(status, code, detail, List.of());
    }

    public static Response response(int status, String code, String detail, List<FieldError> errors) {
        Problem problem = new Problem("https://supplyline.io/problems/" + code.toLowerCase().replace('_', '-'),
                title(status), status, detail, code, errors);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }

    /** JAX-RS has no constant for 422, the status of every business rule violation. */
    private static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status == 422 ? "Unprocessable Content" : "Error";
    }
}
