package io.supplyline.events.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.catalog.ReorderPolicy;
import io.supplyline.events.catalog.Sku;

/** A revision-1 ProductRegistered, exactly as the first version stored it, reads as revision 2. */
class ProductRegisteredUpcasterTest {

    static final String REVISION_1_JSON = "{\"sku\":\"BOLT-M8\",\"name\":\"M8 bolt\",\"unitOfMeasure\":\"EA\","
            + "\"reorderPoint\":100,\"reorderQuantity\":500}";

    private final Serializer serializer = EventSerializer.create();

    @Test
    void revisionOneReadsAsRevisionTwoWithItsPolicyNested() {
        IntermediateEventRepresentation upcast = EventUpcasters.chain()
                .upcast(Stream.of(storedRevision("1", REVISION_1_JSON)))
                .findFirst().orElseThrow();

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        ProductRegistered event = serializer.deserialize(upcast.getData());
        assertThat(event).isEqualTo(
                new ProductRegistered(new Sku("BOLT-M8"), "M8 bolt", "EA", new ReorderPolicy(100, 500)));
    }

    @Test
    void revisionTwoPassesUnchanged() throws Exception {
        String current = EventSerializer.objectMapper().writeValueAsString(
                new ProductRegistered(new Sku("BOLT-M8"), "M8 bolt", "EA", new ReorderPolicy(1, 2)));
        IntermediateEventRepresentation read = EventUpcasters.chain()
                .upcast(Stream.of(storedRevision("2", current)))
                .findFirst().orElseThrow();
        assertThat(read.getType().getRevision()).isEqualTo("2");
        ProductRegistered event = serializer.deserialize(read.getData());
        assertThat(event.reorderPolicy()).isEqualTo(new ReorderPolicy(1, 2));
    }

    private InitialEventRepresentation storedRevision(String revision, String json) {
        var entry = new GenericDomainEventEntry<>("Product", "product:BOLT-M8", 0, "event-1", Instant.now(),
                ProductRegistered.class.getName(), revision, json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return new InitialEventRepresentation(entry, serializer);
    }
}
