package io.supplyline.events.contract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/**
 * The changes between two schemas of one event revision that break a consumer. Both directions count:
 * a consumer reading (or validating) with the old schema must accept every new event, and one with the
 * new schema every event already written. So the values a property may take must stay exactly the same,
 * no property may go, and a new property must be optional (where the old schema allows properties it
 * does not list). Only documentation (title, description, examples) may change freely.
 */
final class SchemaCompatibility {

    private static final Set<String> DOCUMENTATION = Set.of("title", "description", "$comment", "examples");
    private static final Set<String> LOWER_BOUNDS = Set.of("minimum", "exclusiveMinimum", "minLength", "minItems");
    private static final Set<String> UPPER_BOUNDS = Set.of("maximum", "exclusiveMaximum", "maxLength", "maxItems");
    private static final String FOR_WRITTEN = "events already written may not satisfy the new schema";
    private static final String FOR_READERS = "consumers validating with the old schema refuse new events";

    private final List<String> breaking = new ArrayList<>();

    private SchemaCompatibility() {
    }

    /** Every breaking change, one sentence each, with the JSON pointer of the schema it is in. */
    static List<String> breakingChanges(JsonNode old, JsonNode fresh) {
        SchemaCompatibility check = new SchemaCompatibility();
        check.compare("", old, fresh);
        return check.breaking;
    }

    private void compare(String at, JsonNode old, JsonNode fresh) {
        Set<String> keywords = new TreeSet<>();
        old.fieldNames().forEachRemaining(keywords::add);
        fresh.fieldNames().forEachRemaining(keywords::add);
        keywords.removeAll(DOCUMENTATION);
        for (String keyword : keywords) {
            switch (keyword) {
                case "properties" -> compareProperties(at, old, fresh);
                case "required" -> { } // with the properties
                case "type" -> compareTypes(at, old.get(keyword), fresh.get(keyword));
                case "enum" -> compareConstants(at, old.get(keyword), fresh.get(keyword));
                case "items" -> compareItems(at, old.get(keyword), fresh.get(keyword));
                case "additionalProperties" -> compareConstraint(at, keyword,
                        openness(old.get(keyword)), openness(fresh.get(keyword)));
                default -> compareConstraint(at, keyword, old.get(keyword), fresh.get(keyword));
            }
        }
    }

    private void compareProperties(String at, JsonNode old, JsonNode fresh) {
        JsonNode oldProperties = old.path("properties");
        JsonNode newProperties = fresh.path("properties");
        Set<String> oldRequired = names(old.path("required"));
        Set<String> newRequired = names(fresh.path("required"));
        oldProperties.fieldNames().forEachRemaining(name -> {
            String path = at + "/properties/" + name;
            if (!newProperties.has(name)) {
                breaking.add(path + ": removed (or renamed); consumers of the old schema read it");
                return;
            }
            if (oldRequired.contains(name) && !newRequired.contains(name)) {
                breaking.add(path + ": made optional; consumers of the old schema count on it");
            } else if (!oldRequired.contains(name) && newRequired.contains(name)) {
                breaking.add(path + ": made required; events already written may lack it");
            }
            compare(path, oldProperties.get(name), newProperties.get(name));
        });
        newProperties.fieldNames().forEachRemaining(name -> {
            String path = at + "/properties/" + name;
            if (oldProperties.has(name)) {
                return;
            }
            if (newRequired.contains(name)) {
                breaking.add(path + ": added as required; events already written lack it");
            } else if (openness(old.get("additionalProperties")).equals(BooleanNode.FALSE)) {
                breaking.add(path + ": added where the old schema allows no other properties; " + FOR_READERS);
            }
        });
    }

    private void compareTypes(String at, JsonNode old, JsonNode fresh) {
        if (old == null || fresh == null) {
            compareConstraint(at, "type", old, fresh);
            return;
        }
        Set<String> oldTypes = names(old);
        Set<String> newTypes = names(fresh);
        if (oldTypes.equals(newTypes)) {
            return;
        }
        String change = at + ": type changed from " + oldTypes + " to " + newTypes + "; ";
        breaking.add(change + (newTypes.containsAll(oldTypes) ? FOR_READERS : FOR_WRITTEN));
    }

    private void compareConstants(String at, JsonNode old, JsonNode fresh) {
        if (old == null || fresh == null) {
            compareConstraint(at, "enum", old, fresh);
            return;
        }
        Set<JsonNode> oldValues = values(old);
        Set<JsonNode> newValues = values(fresh);
        oldValues.stream().filter(value -> !newValues.contains(value)).forEach(value ->
                breaking.add(at + ": enum value " + value + " removed; " + FOR_WRITTEN));
        newValues.stream().filter(value -> !oldValues.contains(value)).forEach(value ->
                breaking.add(at + ": enum value " + value + " added; " + FOR_READERS));
    }

    private void compareItems(String at, JsonNode old, JsonNode fresh) {
        if (old == null || fresh == null) {
            compareConstraint(at, "items", old, fresh);
        } else {
            compare(at + "/items", old, fresh);
        }
    }

    private void compareConstraint(String at, String keyword, JsonNode old, JsonNode fresh) {
        if (old != null && old.equals(fresh)) {
            return;
        }
        String change = at + ": " + keyword + " " + (old == null ? "added (" + fresh + ")"
                : fresh == null ? "dropped (was " + old + ")" : "changed from " + old + " to " + fresh) + "; ";
        breaking.add(change + (narrowed(keyword, old, fresh) ? FOR_WRITTEN : FOR_READERS));
    }

    /** Whether the new constraint refuses values the old one allowed (else it allows values the old one refused). */
    private static boolean narrowed(String keyword, JsonNode old, JsonNode fresh) {
        if (old == null || fresh == null) {
            return old == null;
        }
        if (LOWER_BOUNDS.contains(keyword)) {
            return fresh.decimalValue().compareTo(old.decimalValue()) > 0;
        }
        if (UPPER_BOUNDS.contains(keyword)) {
            return fresh.decimalValue().compareTo(old.decimalValue()) < 0;
        }
        return !fresh.equals(BooleanNode.TRUE);
    }

    /** additionalProperties: absent means true. */
    private static JsonNode openness(JsonNode additionalProperties) {
        return additionalProperties == null ? BooleanNode.TRUE : additionalProperties;
    }

    private static Set<String> names(JsonNode textOrArray) {
        Set<String> names = new TreeSet<>();
        if (textOrArray == null || textOrArray.isMissingNode()) {
            return names;
        }
        if (textOrArray.isTextual()) {
            names.add(textOrArray.asText());
        }
        textOrArray.forEach(name -> names.add(name.asText()));
        return names;
    }

    private static Set<JsonNode> values(JsonNode array) {
        Set<JsonNode> values = new LinkedHashSet<>();
        array.forEach(values::add);
        return values;
    }
}
