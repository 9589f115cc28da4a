package io.supplyline.query.http;

import java.util.List;

import jakarta.ws.rs.core.Response;

import io.supplyline.events.http.Problem;

/** Builds the problem+json answers of this service. */
final class Problems {

    private Problems() {
    }

    static Response response(int status, String code, String detail) {
        return response(status, code, detail, List.of());
    }

    static Response response(int status, String code, String detail, List<Problem.FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, code, detail, errors)).build();
    }
}
