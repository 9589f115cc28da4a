package io.supplyline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.supplyline.events.axon.EventSerializer;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;

/** No event can carry zero or negative units, and a quantity is a plain number on the wire. */
class QuantityTest {

    private final ObjectMapper json = EventSerializer.objectMapper();

    @Test
    void aQuantityIsAtLeastOneUnit() {
        assertThat(Quantity.of(1).value()).isEqualTo(1);
        assertThatThrownBy(() -> Quantity.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Quantity.of(-5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQuantityIsAPlainNumberInEventsAndCannotBeReadAsZero() throws Exception {
        StockReceived event = new StockReceived(StockItemId.of("BER-1", "BOLT"), Quantity.of(40), "DN-1");
        String text = json.writeValueAsString(event);
        assertThat(text).contains("\"quantity\":40");
        assertThat(json.readValue(text, StockReceived.class)).isEqualTo(event);
        assertThatThrownBy(() -> json.readValue(text.replace("\"quantity\":40", "\"quantity\":0"), StockReceived.class))
                .isInstanceOf(ValueInstantiationException.class);
    }
}
