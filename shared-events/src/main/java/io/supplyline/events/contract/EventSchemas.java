package io.supplyline.events.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.supplyline.events.EventType;
import io.supplyline.events.axon.EventSerializer;

/**
 * Checks an event's JSON against the published schema of its type, the files of docs/contract/events that
 * this jar carries: for tests that want to know that what reaches the topic is what the contract says.
 * Formats (date-time, date, uuid) are asserted. Needs {@code com.networknt:json-schema-validator} on the
 * classpath, an optional dependency of this module.
 */
public final class EventSchemas {

    private static final String LOCATION = "/io/supplyline/events/contract/schemas/";
    private static final Pattern TYPE_NAME = Pattern.compile(EventType.NAME.pattern() + "\\.v[1-9][0-9]*");
    private static final EventSchemas PUBLISHED = new EventSchemas(EventSchemas::published);

    private final ObjectMapper json = new ObjectMapper();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build();
    /** A schema by type name; null when there is none. */
    private final Function<String, JsonNode> source;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    EventSchemas(Function<String, JsonNode> source) {
        this.source = source;
    }

    /** The schemas as published, every revision of every event. */
    public static EventSchemas published() {
        return PUBLISHED;
    }

    /**
     * What is wrong with an event's JSON, one message per violation, sorted; empty when it is valid.
     *
     * @param typeName the event's type with its revision, the {@code ce_type} header of its record, e.g.
     *                 {@code supplyline.inventory.StockAdjusted.v1}
     * @throws IllegalArgumentException when no schema of that type is published
     */
    public List<String> violations(String typeName, JsonNode event) {
        return schemas.computeIfAbsent(typeName, this::load).validate(event).stream()
                .map(ValidationMessage::getMessage).sorted().toList();
    }

    /** The same for a record's value as it is on the topic: UTF-8 JSON. */
    public List<String> violations(String typeName, byte[] value) {
        JsonNode event;
        try {
            event = json.readTree(value);
        } catch (JacksonException e) {
            return List.of("The value is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations(typeName, event);
    }

    /**
     * The same for an event object, written as the event serializer writes it, against its type's schema.
     * Only this method needs the serializer's classes (Axon); the others need Jackson and the validator.
     */
    public List<String> violations(Object event) {
        JsonNode written = EventSerializer.objectMapper().valueToTree(event);
        return violations(EventType.of(event.getClass()).typeName(), written);
    }

    /** @throws IllegalArgumentException naming every violation, when the event's JSON does not match its schema */
    public void requireValid(String typeName, JsonNode event) {
        List<String> violations = violations(typeName, event);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(typeName + " does not match its schema: " + String.join("; ", violations)
                    + " in " + event);
        }
    }

    private JsonSchema load(String typeName) {
        if (!TYPE_NAME.matcher(typeName).matches()) {
            throw new IllegalArgumentException(
                    "'" + typeName + "' is not an event type such as supplyline.inventory.StockAdjusted.v1");
        }
        JsonNode schema = source.apply(typeName);
        if (schema == null) {
            throw new IllegalArgumentException("No schema is published for event type '" + typeName + "'");
        }
        return factory.getSchema(schema, config);
    }

    private static JsonNode published(String typeName) {
        try (InputStream file = EventSchemas.class.getResourceAsStream(LOCATION + typeName + ".schema.json")) {
            return file == null ? null : new ObjectMapper().readTree(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema of " + typeName, e);
        }
    }
}
