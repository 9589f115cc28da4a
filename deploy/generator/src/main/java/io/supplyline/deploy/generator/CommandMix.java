package io.supplyline.deploy.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Which command comes next: each kind of command has a weight, and a draw picks one in proportion. A
 * command answers false when it does not apply yet (nothing to dispatch before a shipment exists) and
 * the worker draws again. The order of the weights is part of the seed's day.
 */
final class CommandMix {

    private final List<Map.Entry<Integer, Predicate<Random>>> mix = new ArrayList<>();
    private int totalWeight;

    CommandMix(DayContext day) {
        OrderCommands orders = new OrderCommands(day);
        ShipmentCommands shipments = new ShipmentCommands(day);
        PurchasingCommands purchasing = new PurchasingCommands(day);
        StockAndRangeCommands stock = new StockAndRangeCommands(day);
        weigh(22, orders::placeOrder);
        weigh(12, orders::createShipment);
        weigh(10, shipments::dispatch);
        weigh(10, shipments::checkpoint);
        weigh(3, shipments::delay);
        weigh(9, shipments::deliver);
        weigh(1, shipments::shipmentException);
        weigh(6, purchasing::placePurchaseOrder);
        weigh(9, purchasing::receiveGoods);
        weigh(1, purchasing::cancelPurchaseOrder);
        weigh(5, stock::adjustStock);
        weigh(2, orders::cancelOrder);
        weigh(1, stock::changeReorderPolicy);
        weigh(1, stock::changeMasterData);
    }

    private void weigh(int weight, Predicate<Random> command) {
        mix.add(Map.entry(weight, command));
        totalWeight += weight;
    }

    /** Draws until a command applies, and sends it. */
    void sendOne(Random random) {
        while (!pick(random).test(random)) {
            Thread.onSpinWait();
        }
    }

    private Predicate<Random> pick(Random random) {
        int pick = random.nextInt(totalWeight);
        for (Map.Entry<Integer, Predicate<Random>> command : mix) {
            pick -= command.getKey();
            if (pick < 0) {
                return command.getValue();
            }
        }
        throw new IllegalStateException("weights do not add up");
    }
}
