package io.supplyline.support.http;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses (400) a request whose path or query parameters hold a control character, before any endpoint sees it. */
public class PlainParameters {

    @ServerRequestFilter
    public Optional<Response> refuseControlCharacters(UriInfo uri) {
        String field = ControlCharacters.firstIn(uri.getPath(), uri.getQueryParameters());
        return field == null ? Optional.empty() : Optional.of(Problems.response(400, "INVALID_PARAMETER",
                "The request has invalid parameters",
                List.of(new Problem.FieldError(field, "must not contain control characters"))));
    }
}
