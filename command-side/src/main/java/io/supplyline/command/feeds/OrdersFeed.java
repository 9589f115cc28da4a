package io.supplyline.command.feeds;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supplyline.command.fulfilment.PlaceOrder;
import io.supplyline.command.fulfilment.SalesOrderResource.OrderLineRequest;
import io.supplyline.events.BusinessKey;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.warehouse.WarehouseCode;

/**
 * Customer orders from sales channels (feeds/orders.schema.json): each becomes the order the HTTP API's
 * {@code POST /orders} places. Its id follows from the record's idempotency key, so every delivery of one
 * record names the same order and only the first places it.
 */
final class OrdersFeed extends Feed {

    record ChannelOrder(String recordId, @NotBlank @Size(max = 200) String customer,
                        @NotNull @Pattern(regexp = BusinessKey.PATTERN) String warehouse,
                        @NotNull LocalDate requestedDeliveryDate,
                        @NotEmpty @Size(max = 100) List<@NotNull @Valid OrderLineRequest> lines) {
    }


    OrdersFeed(String topic, ObjectMapper json, Validator validator) {
        super("orders", topic, json, validator);
    }

    @Override
    FeedCommand command(JsonNode record, UUID newId) {
        ChannelOrder order = format().as(record, ChannelOrder.class);
        List<OrderLine> lines = order.lines().stream()
                .map(line -> new OrderLine(new Sku(line.sku()), Quantity.of(line.quantity())))
                .toList();
        return FeedCommand.creating(new PlaceOrder(new SalesOrderId(newId), order.customer(),
                new WarehouseCode(order.warehouse()), order.requestedDeliveryDate(), lines));
    }
}
