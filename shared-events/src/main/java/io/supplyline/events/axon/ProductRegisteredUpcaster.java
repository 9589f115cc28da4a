package io.supplyline.events.axon;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.supplyline.events.catalog.ProductRegistered;

/**
 * ProductRegistered revision 1 had {@code reorderPoint} and {@code reorderQuantity} at the top;
 * revision 2 nests them as {@code reorderPolicy}. Old events in the store and on the topic are
 * rewritten on reading, so every reader sees one shape.
 */
final class ProductRegisteredUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ProductRegistered.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ProductRegistered.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            ObjectNode policy = event.putObject("reorderPolicy");
            policy.set("reorderPoint", event.remove("reorderPoint"));
            policy.set("reorderQuantity", event.remove("reorderQuantity"));
            return event;
        });
    }
}
