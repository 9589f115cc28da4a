package io.supplyline.command.fulfilment;

import java.util.ArrayList;
import java.util.List;

import io.supplyline.command.inventory.IssueStock;
import io.supplyline.command.inventory.ReleaseReservation;
import io.supplyline.command.inventory.ReserveStock;
import io.supplyline.command.rules.CommandRejected;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.warehouse.WarehouseCode;

/** The stock commands for an order's lines in its warehouse: reserve all or none, release, issue. */
record LineReservations(SalesOrderId orderId, WarehouseCode warehouse) {

    StockItemId item(OrderLine line) {
        return new StockItemId(warehouse, line.sku());
    }

    /**
     * Reserves the lines in order; if any cannot be reserved, releases those that were.
     *
     * @param stopAtFirstShortage a retry only needs to know whether all fit; the first attempt lists every short line
     * @return the lines that could not be reserved; empty when all are
     */
    List<OrderLine> reserveAll(List<OrderLine> ordered, FulfilmentSteps steps, boolean stopAtFirstShortage) {
        List<OrderLine> reserved = new ArrayList<>();
        List<OrderLine> unavailable = new ArrayList<>();
        for (OrderLine line : ordered) {
            if (stopAtFirstShortage && !unavailable.isEmpty()) {
                break;
            }
            try {
                steps.send(new ReserveStock(item(line), line.reservationId(orderId), line.quantity()));
                reserved.add(line);
            } catch (CommandRejected shortage) {
                unavailable.add(line);
            }
        }
        if (!unavailable.isEmpty()) {
            releaseAll(reserved, steps);
        }
        return unavailable;
    }

    void releaseAll(List<OrderLine> lines, FulfilmentSteps steps) {
        lines.forEach(line -> steps.send(new ReleaseReservation(item(line), line.reservationId(orderId))));
    }

    /** Once the order has shipped, nothing can release these reservations any more. */
    void issueAll(List<OrderLine> lines, FulfilmentSteps steps) {
        lines.forEach(line -> steps.send(new IssueStock(item(line), line.reservationId(orderId))));
    }
}
