package io.supplyline.deploy.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * What the generator knows of the supply chain it drives, from the answers it got: the business
 * keys it registered and the orders, purchase orders and shipments in flight. Shared by the workers;
 * every method is one atomic step.
 */
final class World {

    record PurchaseOrder(String uuid, String warehouse, List<String> skus, Map<String, Integer> open) {
    }

    record Order(String uuid, int attempts) {
    }

    record Shipment(String uuid, String carrier, String trackingNumber, LocalDate eta, Instant dispatchedAt) {

        Shipment dispatched(Instant at) {
            return new Shipment(uuid, carrier, trackingNumber, eta, at);
        }

        Shipment expected(LocalDate newEta) {
            return new Shipment(uuid, carrier, trackingNumber, newEta, dispatchedAt);
        }
    }

    final List<String> suppliers = new ArrayList<>();
    final List<String> warehouses = new ArrayList<>();
    final List<String> skus = new ArrayList<>();
    private final Set<String> suspended = new HashSet<>();
    private final Set<String> discontinued = new HashSet<>();
    private final Set<String> stockedItems = new LinkedHashSet<>();
    private final List<PurchaseOrder> openPurchaseOrders = new ArrayList<>();
    private final Deque<Order> ordersToShip = new ArrayDeque<>();
    private final List<String> cancellableOrders = new ArrayList<>();
    private final List<Shipment> created = new ArrayList<>();
    private final List<Shipment> onTheWay = new ArrayList<>();

    synchronized <T> T any(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }

    synchronized List<String> distinctSkus(Random random, int count, boolean activeOnly) {
        List<String> pool = new ArrayList<>(skus);
        if (activeOnly) {
            pool.removeAll(discontinued);
        }
        List<String> picked = new ArrayList<>();
        while (picked.size() < count && !pool.isEmpty()) {
            picked.add(pool.remove(random.nextInt(pool.size())));
        }
        return picked;
    }

    synchronized void suspended(String supplier, boolean isSuspended) {
        if (isSuspended) {
            suspended.add(supplier);
        } else {
            suspended.remove(supplier);
        }
    }

    synchronized boolean isSuspended(String supplier) {
        return suspended.contains(supplier);
    }

    synchronized void registered(String sku) {
        skus.add(sku);
    }

    synchronized void discontinued(String sku) {
        discontinued.add(sku);
    }

    synchronized void stocked(String warehouse, String sku) {
        stockedItems.add(warehouse + "/" + sku);
    }

    /** A warehouse and SKU that has seen stock, as {warehouse, sku}. */
    synchronized Optional<String[]> anyStockedItem(Random random) {
        if (stockedItems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ArrayList<>(stockedItems).get(random.nextInt(stockedItems.size())).split("/"));
    }

    synchronized void placed(PurchaseOrder order) {
        openPurchaseOrders.add(order);
    }

    synchronized Optional<PurchaseOrder> anyOpenPurchaseOrder(Random random) {
        return openPurchaseOrders.isEmpty() ? Optional.empty()
                : Optional.of(openPurchaseOrders.get(random.nextInt(openPurchaseOrders.size())));
    }

    synchronized void received(PurchaseOrder order, Map<String, Integer> lines) {
        lines.forEach((sku, quantity) -> order.open().merge(sku, -quantity, Integer::sum));
        order.open().values().removeIf(left -> left <= 0);
        if (order.open().isEmpty()) {
            openPurchaseOrders.remove(order);
        }
    }

    synchronized void closed(PurchaseOrder order) {
        openPurchaseOrders.remove(order);
    }

    synchronized void placed(Order order) {
        ordersToShip.addLast(order);
        cancellableOrders.add(order.uuid());
    }

    /** The oldest order not yet shipped: most likely allocated by now. */
    synchronized Optional<Order> nextOrderToShip() {
        return Optional.ofNullable(ordersToShip.pollFirst());
    }

    /** An order that was not allocated yet goes back in line a few times; then it is left alone. */
    synchronized void notYetShippable(Order order) {
        if (order.attempts() < 5) {
            ordersToShip.addLast(new Order(order.uuid(), order.attempts() + 1));
        }
    }

    synchronized Optional<String> anyCancellableOrder(Random random) {
        return cancellableOrders.isEmpty() ? Optional.empty()
                : Optional.of(cancellableOrders.remove(random.nextInt(cancellableOrders.size())));
    }

    synchronized void orderCancelled(String uuid) {
        ordersToShip.removeIf(order -> order.uuid().equals(uuid));
    }

    synchronized void shipmentCreated(Shipment shipment) {
        created.add(shipment);
    }

    synchronized Optional<Shipment> takeCreatedShipment(Random random) {
        return created.isEmpty() ? Optional.empty() : Optional.of(created.remove(random.nextInt(created.size())));
    }

    synchronized void onTheWay(Shipment shipment) {
        onTheWay.add(shipment);
    }

    synchronized Optional<Shipment> anyShipmentOnTheWay(Random random) {
        return onTheWay.isEmpty() ? Optional.empty() : Optional.of(onTheWay.get(random.nextInt(onTheWay.size())));
    }

    /** Taken, so no two workers deliver the same shipment. */
    synchronized Optional<Shipment> takeShipmentOnTheWay(Random random) {
        return onTheWay.isEmpty() ? Optional.empty() : Optional.of(onTheWay.remove(random.nextInt(onTheWay.size())));
    }

    synchronized void delayed(Shipment shipment, LocalDate newEta) {
        if (onTheWay.remove(shipment)) {
            onTheWay.add(shipment.expected(newEta));
        }
    }
}
