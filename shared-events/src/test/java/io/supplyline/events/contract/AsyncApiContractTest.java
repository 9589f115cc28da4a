package io.supplyline.events.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.supplyline.events.EventType;

/** docs/contract/asyncapi.yaml is what the base and the event catalog generate, and it holds together. */
class AsyncApiContractTest {

    private final ContractFiles files = ContractFiles.committed();
    private final ObjectNode document = new AsyncApiDocument().generate();

    @Test
    void theCommittedDocumentIsTheGeneratedOne() throws Exception {
        String text = AsyncApiDocument.text(document);
        assertThat(AsyncApiDocument.YAML.readTree(text.replaceAll("(?m)^#.*\n", "")))
                .as("the YAML reads back as written").isEqualTo(document);
        Optional<String> committed = files.read(AsyncApiDocument.FILE);
        if (committed.isPresent() && committed.get().equals(text)) {
            return;
        }
        if (ContractFiles.UPDATE) {
            files.write(AsyncApiDocument.FILE, text);
        } else {
            fail("docs/contract/" + AsyncApiDocument.FILE + (committed.isPresent() ? " differs from the generated one"
                    : " is missing") + "; regenerate with " + ContractFiles.REGENERATE);
        }
    }

    @Test
    void everyEventIsAMessageOfTheEventsChannelWithItsSchemaAsPayload() {
        for (Class<? extends Record> event : EventCatalog.EVENTS) {
            EventType type = EventType.of(event);
            assertThat(document.at("/channels/events/messages/" + type.typeName() + "/$ref").asText())
                    .isEqualTo("#/components/messages/" + type.typeName());
            assertThat(document.at("/components/messages/" + type.typeName() + "/payload/$ref").asText())
                    .isEqualTo("./events/" + type.schemaFileName());
            if (!ContractFiles.UPDATE) { // an update run may write the file only after this test
                assertThat(files.read("events/" + type.schemaFileName())).as(type + "'s schema file").isPresent();
            }
        }
    }

    @Test
    void everyReferenceInsideTheDocumentLeadsSomewhere() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            if (reference.startsWith("#/")) {
                assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
            }
        });
    }

    @Test
    void operationsSendAndReceiveOnDeclaredChannels() {
        document.get("operations").properties().forEach(operation -> {
            assertThat(operation.getValue().get("action").asText()).isIn("send", "receive");
            assertThat(operation.getValue().at("/channel/$ref").asText()).startsWith("#/channels/");
        });
        assertThat(document.at("/channels/events/address").asText()).isEqualTo("supplychain.events");
    }

    /** The feed schemas are the command side's; the tracking one exists, scans and orders are being written. */
    @Test
    void theTrackingFeedsPayloadIsTheCommandSidesSchema() {
        assertThat(files.read("../../command-side/src/main/resources/feeds/tracking.schema.json")).isPresent();
        assertThat(document.at("/components/messages/trackingEvent/payload/$ref").asText())
                .isEqualTo("../../command-side/src/main/resources/feeds/tracking.schema.json");
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.has("$ref")) {
            references.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectReferences(child, references));
    }
}
