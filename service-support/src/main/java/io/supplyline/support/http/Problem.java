package io.supplyline.support.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details, the error contract of both HTTP APIs: a stable {@code code} clients
 * can branch on and, for invalid input, one entry per offending field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String code, String detail, List<FieldError> errors) {
        return new Problem("https://supplyline.io/problems/" + code.toLowerCase().replace('_', '-'), title(status),
                status, detail, code, errors);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
