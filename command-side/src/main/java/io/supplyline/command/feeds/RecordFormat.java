package io.supplyline.command.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.supplyline.command.http.CommandProblems;

/**
 * How a feed's records are read: JSON, valid against the feed's schema ({@code feeds/<name>.schema.json},
 * the published format), then read into a request with the same strict rules and bean constraints as the
 * HTTP API's bodies. Each step's failure names what is wrong.
 */
final class RecordFormat {

    private final ObjectMapper json;
    private final Validator validator;
    private final JsonSchema schema;

    RecordFormat(String feed, ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
        try (InputStream text = RecordFormat.class.getResourceAsStream("/feeds/" + feed + ".schema.json")) {
            if (text == null) {
                throw new IllegalStateException("No schema feeds/" + feed + ".schema.json on the classpath");
            }
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the schema of feed " + feed, e);
        }
    }

    /** The record's JSON, checked against the schema. */
    JsonNode read(byte[] value) {
        if (value == null) {
            throw new RecordRefused("MALFORMED_RECORD", "The record has no value");
        }
        JsonNode record;
        try {
            record = json.readTree(value);
        } catch (IOException e) {
            throw new RecordRefused("MALFORMED_RECORD", "The record is not JSON: " + firstLine(e.getMessage()));
        }
        Set<ValidationMessage> violations = schema.validate(record);
        if (!violations.isEmpty()) {
            throw new RecordRefused("SCHEMA_VIOLATION", violations.stream().map(ValidationMessage::getMessage)
                    .sorted().collect(Collectors.joining("; ")));
        }
        return record;
    }

    /** The record as a request of {@code type}, with its bean constraints checked. */
    <T> T as(JsonNode record, Class<T> type) {
        T request;
        try {
            request = json.treeToValue(record, type);
        } catch (JacksonException e) {
            String field = CommandProblems.fieldPath(e);
            throw new RecordRefused("INVALID_INPUT", (field.isEmpty() ? "" : field + ": ") + firstLine(e.getOriginalMessage()));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new RecordRefused("INVALID_INPUT", violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
