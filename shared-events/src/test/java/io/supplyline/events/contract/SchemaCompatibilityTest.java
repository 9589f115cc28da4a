package io.supplyline.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The compatibility rules themselves, on small hand-made schemas: what passes and what must fail. */
class SchemaCompatibilityTest {

    private static final String SCHEMA = """
            {
              "type": "object",
              "properties": {
                "sku": {"type": "string", "pattern": "^[A-Z0-9-]+$"},
                "quantity": {"type": "integer", "minimum": 1},
                "reason": {"type": "string", "enum": ["DAMAGE", "LOSS"]},
                "note": {"type": ["string", "null"]},
                "lines": {"type": "array", "items": {"type": "object",
                  "properties": {"sku": {"type": "string"}}, "required": ["sku"], "additionalProperties": true}}
              },
              "required": ["sku", "quantity", "reason", "lines"],
              "additionalProperties": true
            }""";

    private final ObjectNode old = schema();
    private final ObjectNode fresh = schema();

    @Test
    void theSameSchemaIsCompatible() {
        assertThat(SchemaCompatibility.breakingChanges(old, fresh)).isEmpty();
    }

    @Test
    void documentationMayChange() {
        fresh.put("description", "Stock corrected");
        property("sku").put("title", "SKU");
        assertThat(SchemaCompatibility.breakingChanges(old, fresh)).isEmpty();
    }

    @Test
    void anOptionalPropertyMayBeAdded() {
        properties().putObject("batch").putArray("type").add("string").add("null");
        assertThat(SchemaCompatibility.breakingChanges(old, fresh)).isEmpty();
    }

    @Test
    void aRequiredPropertyMayNotBeAdded() {
        properties().putObject("batch").put("type", "string");
        required().add("batch");
        assertThat(SchemaCompatibility.breakingChanges(old, fresh))
                .containsExactly("/properties/batch: added as required; events already written lack it");
    }

    @Test
    void noPropertyMayBeAddedWhereTheOldSchemaAllowsNoOthers() {
        old.put("additionalProperties", false);
        fresh.put("additionalProperties", false);
        properties().putObject("batch").put("type", "string");
        assertThat(SchemaCompatibility.breakingChanges(old, fresh)).singleElement().asString()
                .startsWith("/properties/batch: added where the old schema allows no other properties");
    }

    @Test
    void aPropertyMayNotBeRemovedOrRenamed() {
        properties().set("comment", properties().remove("note"));
        assertThat(SchemaCompatibility.breakingChanges(old, fresh))
                .containsExactly("/properties/note: removed (or renamed); consumers of the old schema read it");
    }

    @Test
    void aTypeMayNotChange() {
        property("quantity").put("type", "number");
        assertThat(SchemaCompatibility.breakingChanges(old, fresh)).singleElement().asString()
                .startsWith("/properties/quantity: type changed from [integer] to [number]");
    }

    @Test
    void anOptionalPropertyMayNotBecomeRequired() {
        required().add("note");
        property("note").put("type", "string");
        assertThat(SchemaCompatibility.breakingChanges(old, fresh))
                .contains("/properties/note: made required; events already written may lack it");
    }

    @Test
    void aRequiredPropertyMayNotBecomeOptional() {
        fresh.set("required", fresh.arrayNode().add("sku").add("quantity").add("lines"));
        assertThat(SchemaCompatibility.breakingChanges(old, fresh))
                .containsExactly("/properties/reason: made optional; consumers of the old schema count on it");
    }

    @Test
    void anEnumValueMayNotBeRemoved() {
        property("reason").set("enum", fresh.arrayNode().add("DAMAGE"));
        assertThat(SchemaCompatibility.breakingChanges(old, fresh)).containsExactly(
                "/properties/reason: enum value \"LOSS\" removed; events already written may not satisfy the new schema");
    }

    @Test
    void anEnumValueMayNotBeAddedEitherBecauseOldValidatorsRefuseIt() {
        ((ArrayNode) property("reason").get("enum")).add("FOUND");
        assertThat(SchemaCompatibility.breakingChanges(old, fresh)).containsExactly(
                "/properties/reason: enum value \"FOUND\" added; consumers validating with the old schema refuse new events");
    }

    @Test
    void aConstraintMayNotNarrow() {
        property("quantity").put("minimum", 2);
        property("sku").put("maxLength", 64);
        assertThat(SchemaCompatibility.breakingChanges(old, fresh)).containsExactlyInAnyOrder(
                "/properties/quantity: minimum changed from 1 to 2; events already written may not satisfy the new schema",
                "/properties/sku: maxLength added (64); events already written may not satisfy the new schema");
    }

    @Test
    void aConstraintMayNotWidenEither() {
        property("quantity").put("minimum", 0);
        assertThat(SchemaCompatibility.breakingChanges(old, fresh)).containsExactly(
                "/properties/quantity: minimum changed from 1 to 0; consumers validating with the old schema refuse new events");
    }

    @Test
    void aPatternMayNotChange() {
        property("sku").put("pattern", "^[A-Z]+$");
        assertThat(SchemaCompatibility.breakingChanges(old, fresh)).singleElement().asString()
                .startsWith("/properties/sku: pattern changed from");
    }

    @Test
    void changesInsideArrayItemsAreFoundWithTheirPath() {
        ((ObjectNode) property("lines").get("items").get("properties")).remove("sku");
        assertThat(SchemaCompatibility.breakingChanges(old, fresh)).containsExactly(
                "/properties/lines/items/properties/sku: removed (or renamed); consumers of the old schema read it");
    }

    @Test
    void allowingNullIsAChangeOfType() {
        property("quantity").putArray("type").add("integer").add("null");
        fresh.set("required", fresh.arrayNode().add("sku").add("reason").add("lines"));
        assertThat(SchemaCompatibility.breakingChanges(old, fresh)).containsExactlyInAnyOrder(
                "/properties/quantity: made optional; consumers of the old schema count on it",
                "/properties/quantity: type changed from [integer] to [integer, null]; "
                        + "consumers validating with the old schema refuse new events");
    }

    private static ObjectNode schema() {
        return (ObjectNode) ContractJson.read(SCHEMA);
    }

    private ObjectNode properties() {
        return (ObjectNode) fresh.get("properties");
    }

    private ObjectNode property(String name) {
        return (ObjectNode) properties().get(name);
    }

    private ArrayNode required() {
        return (ArrayNode) fresh.get("required");
    }
}
