package io.supplyline.support.http;

import java.util.List;

import jakarta.ws.rs.core.Response;

/** Builds the problem+json answers of both services. */
public final class Problems {

    private Problems() {
    }

    public static Response response(int status, String code, String detail) {
        return response(status, code, detail, List.of());
    }

    public static Response response(int status, String code, String detail, List<Problem.FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, code, detail, errors)).build();
    }
}
