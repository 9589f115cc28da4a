package io.supplyline.command.http;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.supplyline.support.http.Problem;

/**
 * Answers an oversized body with problem+json before anything reads it. Vert.x enforces the same
 * limit, but with an empty 413; this route sees the declared Content-Length first.
 */
@Singleton
public class BodySizeLimit {

    private final long maxBytes;
    private final String problem;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
                  ObjectMapper json) throws JsonProcessingException {
        this.maxBytes = maxBodySize.asLongValue();
        this.problem = json.writeValueAsString(Problem.of(413, "PAYLOAD_TOO_LARGE",
                "A command body may have at most " + maxBytes + " bytes", List.of()));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > maxBytes) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problem);
            } else {
                context.next();
            }
        });
    }
}
