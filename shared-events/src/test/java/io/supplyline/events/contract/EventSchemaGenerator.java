package io.supplyline.events.contract;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.supplyline.events.EventType;
import io.supplyline.events.Nullable;
import io.supplyline.events.axon.EventSerializer;

/**
 * The JSON Schema (2020-12) of an event record's JSON, learnt from the serializer the events are written
 * with: property names and order as Jackson writes them, value objects in their JSON form ({@code @JsonValue}
 * types as the value they wrap), enums as their constants. A component is required unless it is
 * {@link Nullable}; a nullable one may be JSON null. Objects allow properties they do not list, because
 * readers are tolerant and a later compatible version may add optional properties.
 */
final class EventSchemaGenerator {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private final ObjectMapper json = EventSerializer.objectMapper();

    ObjectNode schemaOf(Class<?> eventClass) {
        EventType type = EventType.of(eventClass);
        ObjectNode schema = json.createObjectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", type.schemaUri());
        schema.put("title", type.name().substring(type.name().lastIndexOf('.') + 1) + " (revision " + type.revision() + ")");
        schema.put("description", "The JSON of a " + type.name() + " event, revision " + type.revision()
                + ": the value of its record on supplychain.events. Generated from the event record;"
                + " see docs/contract/README.md.");
        schema.setAll(objectSchema(json.constructType(eventClass)));
        return schema;
    }

    private ObjectNode valueSchema(JavaType type) {
        Class<?> raw = type.getRawClass();
        ObjectNode scalar = ValueTypes.scalar(raw);
        if (scalar != null) {
            return scalar;
        }
        if (raw.isEnum()) {
            return enumSchema(raw);
        }
        if (type.isCollectionLikeType()) {
            ObjectNode array = json.createObjectNode().put("type", "array");
            array.set("items", valueSchema(type.getContentType()));
            return array;
        }
        AnnotatedMember wrapped = json.getSerializationConfig().introspect(type).findJsonValueAccessor();
        ObjectNode form;
        if (wrapped != null) {
            form = valueSchema(wrapped.getType());
        } else if (raw.isRecord()) {
            form = objectSchema(type);
        } else {
            throw new IllegalArgumentException("No JSON Schema for " + raw.getName() + ": teach ValueTypes its JSON form");
        }
        ObjectNode schema = ValueTypes.value(raw);
        JsonNode description = schema.remove("description");
        ObjectNode ordered = json.createObjectNode();
        if (description != null) {
            ordered.set("description", description);
        }
        ordered.setAll(form);
        return ordered.setAll(schema);
    }

    private ObjectNode objectSchema(JavaType type) {
        BeanDescription bean = json.getSerializationConfig().introspect(type);
        ObjectNode properties = json.createObjectNode();
        ArrayNode required = json.createArrayNode();
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (!property.couldSerialize()) {
                continue;
            }
            ObjectNode schema = valueSchema(property.getPrimaryType());
            schema.setAll(ValueTypes.component(type.getRawClass(), property.getInternalName()));
            if (nullable(type.getRawClass(), property.getInternalName())) {
                allowNull(schema);
            } else {
                required.add(property.getName());
            }
            properties.set(property.getName(), schema);
        }
        ObjectNode object = json.createObjectNode().put("type", "object");
        object.set("properties", properties);
        object.set("required", required);
        return object.put("additionalProperties", true);
    }

    private ObjectNode enumSchema(Class<?> type) {
        ObjectNode schema = json.createObjectNode().put("type", "string");
        ArrayNode constants = schema.putArray("enum");
        for (Object constant : type.getEnumConstants()) {
            constants.add(json.valueToTree(constant).asText());
        }
        return schema;
    }

    private static boolean nullable(Class<?> owner, String component) {
        if (!owner.isRecord()) {
            return false;
        }
        for (var recordComponent : owner.getRecordComponents()) {
            if (recordComponent.getName().equals(component)) {
                return recordComponent.isAnnotationPresent(Nullable.class);
            }
        }
        return false;
    }

    /** JSON null becomes a valid value: added to the type, and to the constants of an enum. */
    private void allowNull(ObjectNode schema) {
        JsonNode type = schema.get("type");
        schema.set("type", json.createArrayNode().add(type.asText()).add("null"));
        if (schema.has("enum")) {
            ((ArrayNode) schema.get("enum")).addNull();
        }
    }
}
