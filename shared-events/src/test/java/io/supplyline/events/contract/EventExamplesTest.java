package io.supplyline.events.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.supplyline.events.EventType;
import io.supplyline.events.axon.EventSerializer;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockReserved;
import io.supplyline.events.shipping.ShipmentDispatched;

/** Events as the serializer writes them meet their generated schemas, and broken ones are refused. */
class EventExamplesTest {

    private static final String ADJUSTED = "supplyline.inventory.StockAdjusted.v1";

    private final ObjectMapper json = EventSerializer.objectMapper();
    private final EventSchemaGenerator generator = new EventSchemaGenerator();
    private final Map<String, ObjectNode> generated = EventSchemaContractTest.described().stream()
            .collect(Collectors.toMap(type -> EventType.of(type).typeName(), generator::schemaOf));
    private final EventSchemas schemas = new EventSchemas(generated::get);
    /** The same schemas allowing no property they do not list: the generator left none out. */
    private final EventSchemas closed = new EventSchemas(type -> closed(generated.get(type).deepCopy()));

    @Test
    void everyEventAsWrittenIsValidAgainstItsSchema() {
        assertThat(EventSchemaContractTest.described()).allSatisfy(type -> {
            JsonNode written = json.valueToTree(EventExamples.of(type));
            String typeName = EventType.of(type).typeName();
            assertThat(schemas.violations(typeName, written)).as(typeName + " " + written).isEmpty();
            assertThat(closed.violations(typeName, written)).as(typeName + " lists every property").isEmpty();
        });
    }

    @Test
    void aMissingRequiredPropertyIsRefused() {
        ObjectNode adjusted = example(StockAdjusted.class);
        adjusted.remove("reason");
        assertThat(schemas.violations(ADJUSTED, adjusted)).singleElement().asString().contains("reason");
    }

    @Test
    void nullIsRefusedWhereTheEventNeverHasIt() {
        ObjectNode adjusted = example(StockAdjusted.class);
        adjusted.putNull("reason");
        assertThat(schemas.violations(ADJUSTED, adjusted)).isNotEmpty();
    }

    @Test
    void aNullableComponentMayBeNullOrMissing() {
        ObjectNode adjusted = example(StockAdjusted.class);
        adjusted.putNull("note");
        assertThat(schemas.violations(ADJUSTED, adjusted)).isEmpty();
        adjusted.remove("note");
        assertThat(schemas.violations(ADJUSTED, adjusted)).isEmpty();
    }

    @Test
    void aPropertyFromALaterCompatibleVersionIsAccepted() {
        ObjectNode adjusted = example(StockAdjusted.class);
        adjusted.put("countedBy", "operator-7");
        assertThat(schemas.violations(ADJUSTED, adjusted)).isEmpty();
    }

    @Test
    void valuesBreakingAValueObjectsRulesAreRefused() {
        ObjectNode reserved = example(StockReserved.class);
        reserved.put("quantity", 0);
        ((ObjectNode) reserved.get("stockItemId")).put("sku", "has space");
        assertThat(schemas.violations("supplyline.inventory.StockReserved.v1", reserved)).hasSize(2);
    }

    @Test
    void anUnknownEnumConstantAndAMalformedTimeAreRefused() {
        ObjectNode adjusted = example(StockAdjusted.class);
        adjusted.put("reason", "THEFT");
        assertThat(schemas.violations(ADJUSTED, adjusted)).singleElement().asString().contains("reason");
        ObjectNode dispatched = example(ShipmentDispatched.class);
        dispatched.put("at", "2 March 2026, 08:15");
        assertThat(schemas.violations("supplyline.shipping.ShipmentDispatched.v1", dispatched)).isNotEmpty();
    }

    @Test
    void aRecordValueThatIsNotJsonIsRefused() {
        assertThat(schemas.violations(ADJUSTED, "{\"stockItemId\":".getBytes(StandardCharsets.UTF_8)))
                .singleElement().asString().startsWith("The value is not JSON");
    }

    @Test
    void anUnknownTypeIsAnError() {
        assertThatThrownBy(() -> schemas.violations("supplyline.inventory.StockAdjusted.v9", example(StockAdjusted.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No schema");
        assertThatThrownBy(() -> schemas.violations("../../secrets", example(StockAdjusted.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an event type");
    }

    @Test
    void requireValidNamesTheViolations() {
        ObjectNode adjusted = example(StockAdjusted.class);
        adjusted.remove("delta");
        assertThatThrownBy(() -> schemas.requireValid(ADJUSTED, adjusted))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ADJUSTED).hasMessageContaining("delta");
    }

    /** The helper other modules use reads the schemas this jar carries, every revision of every event. */
    @Test
    void thePublishedSchemasTravelInTheJar() {
        assumeFalse(ContractFiles.UPDATE, "an update run rewrites the files after they were copied; the next run checks");
        assertThat(EventSchemaContractTest.described()).allSatisfy(type ->
                assertThat(EventSchemas.published().violations(EventExamples.of(type))).isEmpty());
    }

    private ObjectNode example(Class<?> type) {
        return json.valueToTree(EventExamples.of(type));
    }

    private static JsonNode closed(JsonNode schema) {
        if (schema.has("additionalProperties")) {
            ((ObjectNode) schema).put("additionalProperties", false);
        }
        schema.forEach(EventExamplesTest::closed);
        return schema;
    }
}
