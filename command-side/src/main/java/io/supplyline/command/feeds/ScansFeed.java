package io.supplyline.command.feeds;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supplyline.command.inventory.AdjustStock;
import io.supplyline.command.inventory.CountStock;
import io.supplyline.command.purchasing.ReceiveGoods;
import io.supplyline.events.BusinessKey;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.ReceivedLine;
import io.supplyline.support.http.PathPatterns;

/**
 * Warehouse scanner events (feeds/scans.schema.json): goods received against a purchase order become
 * its receipt (and so stock), a count sets on hand to what was counted, damage takes stock out.
 */
final class ScansFeed extends Feed {

    static final int MAX_QUANTITY = 1_000_000;

    enum ScanType { RECEIVED, COUNTED, DAMAGED }

    record Scan(String recordId, @NotNull ScanType type, @Pattern(regexp = PathPatterns.PURCHASE_ORDER_ID) String purchaseOrderId,
                @Pattern(regexp = BusinessKey.PATTERN) String warehouse, @NotNull @Pattern(regexp = BusinessKey.PATTERN) String sku,
                @Min(1) @Max(MAX_QUANTITY) Integer quantity, @Min(0) @Max(MAX_QUANTITY) Integer counted,
                @Size(max = 350) String note, @Pattern(regexp = BusinessKey.PATTERN) String scanner) {
    }


    ScansFeed(String topic, ObjectMapper json, Validator validator) {
        super("scans", topic, json, validator);
    }

    @Override
    FeedCommand command(JsonNode record, UUID newId) {
        Scan scan = format().as(record, Scan.class);
        if (scan.type() == ScanType.RECEIVED) {
            PurchaseOrderId order = new PurchaseOrderId(PathPatterns.uuid(scan.purchaseOrderId()));
            return FeedCommand.changing(new ReceiveGoods(order, List.of(
                    new ReceivedLine(new Sku(scan.sku()), Quantity.of(scan.quantity())))), order.aggregateId());
        }
        StockItemId item = StockItemId.of(scan.warehouse(), scan.sku());
        Object command = scan.type() == ScanType.COUNTED
                ? new CountStock(item, scan.counted(), note(scan))
                : new AdjustStock(item, -scan.quantity(), AdjustmentReason.DAMAGE, note(scan));
        return FeedCommand.changing(command, item.aggregateId());
    }

    /** The scanner that saw it belongs in the adjustment's note, the one place a stock event keeps words. */
    private static String note(Scan scan) {
        if (scan.scanner() == null) {
            return scan.note();
        }
        return "Scanner " + scan.scanner() + (scan.note() == null ? "" : ": " + scan.note());
    }
}
