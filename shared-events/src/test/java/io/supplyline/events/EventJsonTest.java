package io.supplyline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.supplyline.events.axon.EventSerializer;
import io.supplyline.events.catalog.ProductEvent;
import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.catalog.ReorderPolicy;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockItemEvent;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.fulfilment.SalesOrderEvent;
import io.supplyline.events.purchasing.PurchaseOrderEvent;
import io.supplyline.events.shipping.ShipmentEvent;
import io.supplyline.events.supplier.SupplierEvent;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.events.warehouse.WarehouseEvent;

/** The JSON other teams read from the topic: business keys as plain strings, records round-trip. */
class EventJsonTest {

    private final ObjectMapper json = EventSerializer.objectMapper();

    @Test
    void businessKeysAppearAsPlainStrings() throws Exception {
        String text = json.writeValueAsString(
                new ProductRegistered(new Sku("BOLT-M8"), "M8 bolt", "EA", new ReorderPolicy(100, 500)));
        assertThat(text).isEqualTo("{\"sku\":\"BOLT-M8\",\"name\":\"M8 bolt\",\"unitOfMeasure\":\"EA\","
                + "\"reorderPolicy\":{\"reorderPoint\":100,\"reorderQuantity\":500}}");
    }

    @Test
    void stockEventsRoundTrip() throws Exception {
        StockAdjusted event = new StockAdjusted(StockItemId.of("BER-1", "BOLT-M8"), -3, AdjustmentReason.DAMAGE, "wet");
        String text = json.writeValueAsString(event);
        assertThat(text).contains("\"stockItemId\":{\"warehouse\":\"BER-1\",\"sku\":\"BOLT-M8\"}");
        assertThat(json.readValue(text, StockAdjusted.class)).isEqualTo(event);
    }

    @Test
    void aFieldFromANewerRevisionDoesNotBreakAnOlderReader() throws Exception {
        String newer = "{\"sku\":\"BOLT-M8\",\"name\":\"M8 bolt\",\"unitOfMeasure\":\"EA\","
                + "\"reorderPolicy\":{\"reorderPoint\":1,\"reorderQuantity\":2},\"hazardClass\":\"none\"}";
        assertThat(json.readValue(newer, ProductRegistered.class).sku()).isEqualTo(new Sku("BOLT-M8"));
    }

    @Test
    void theRevisionComesFromTheAnnotation() {
        assertThat(EventSerializer.create().typeForClass(StockAdjusted.class).getRevision()).isEqualTo("1");
        assertThat(EventSerializer.create().typeForClass(ProductRegistered.class).getRevision()).isEqualTo("2");
    }

    @Test
    void anInvalidBusinessKeyCannotBeRead() {
        assertThatThrownBy(() -> json.readValue("{\"sku\":\"has space\",\"name\":\"x\"}", ProductRegistered.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("sku must match");
    }

    @Test
    void aggregateIdsAreQualifiedByTypeSoKeysOfDifferentKindsNeverCollide() {
        assertThat(new Sku("A1").aggregateId()).isEqualTo("product:A1");
        assertThat(new WarehouseCode("A1").aggregateId()).isEqualTo("warehouse:A1");
        assertThat(StockItemId.of("A1", "A1").aggregateId()).isEqualTo("stock:A1:A1");
    }

    @Test
    void everyEventOfEveryAggregateDeclaresItsRevision() {
        for (Class<?> aggregateEvents : new Class<?>[] {ProductEvent.class, WarehouseEvent.class, SupplierEvent.class,
                PurchaseOrderEvent.class, SalesOrderEvent.class, ShipmentEvent.class,
                StockItemEvent.class}) {
            assertThat(aggregateEvents.getPermittedSubclasses()).isNotEmpty().allSatisfy(type ->
                    assertThat(type.getAnnotation(EventRevision.class)).as(type.getSimpleName()).isNotNull());
        }
    }
}
