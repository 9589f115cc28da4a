package io.supplyline.deploy.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A shipment's way to the customer: dispatch, checkpoints, delays, delivery and the odd exception, each
 * told by the carrier's tracking feed when the day goes through Kafka, else sent as a command.
 */
final class ShipmentCommands {

    private static final String[] HUBS = {"Leipzig hub", "Hannover hub", "Kassel hub", "Nuremberg hub", "Cologne hub"};
    private static final String[] EXCEPTIONS = {"DAMAGED", "ADDRESS_PROBLEM", "CUSTOMS_HOLD", "REFUSED"};

    private final DayContext day;

    ShipmentCommands(DayContext day) {
        this.day = day;
    }

    boolean dispatch(Random random) {
        Optional<World.Shipment> next = day.world.takeCreatedShipment(random);
        next.ifPresent(shipment -> {
            Instant at = day.pacing.now();
            if (day.tracking(shipment, "PICKED_UP", Map.of("at", at))
                    || day.api.post("DispatchShipment", "/shipments/" + shipment.uuid() + "/dispatch", Map.of("at", at))
                            .accepted()) {
                day.world.onTheWay(shipment.dispatched(at));
            }
        });
        return next.isPresent();
    }

    boolean checkpoint(Random random) {
        Optional<World.Shipment> next = day.world.anyShipmentOnTheWay(random);
        next.ifPresent(shipment -> {
            Map<String, Object> checkpoint = Map.of("location", HUBS[random.nextInt(HUBS.length)], "at", day.pacing.now(),
                    "note", "scanned");
            if (!day.tracking(shipment, "CHECKPOINT", checkpoint)) {
                day.api.post("RecordCheckpoint", "/shipments/" + shipment.uuid() + "/checkpoints", checkpoint);
            }
        });
        return next.isPresent();
    }

    boolean delay(Random random) {
        Optional<World.Shipment> next = day.world.anyShipmentOnTheWay(random);
        next.ifPresent(shipment -> {
            LocalDate newEta = shipment.eta().plusDays(1 + random.nextInt(3));
            Map<String, Object> delay = Map.of("newEta", newEta, "reason", random.nextBoolean() ? "weather" : "hub congestion");
            if (day.tracking(shipment, "DELAYED", delay)
                    || day.api.post("ReportDelay", "/shipments/" + shipment.uuid() + "/delays", delay).accepted()) {
                day.world.delayed(shipment, newEta);
            }
        });
        return next.isPresent();
    }

    boolean deliver(Random random) {
        Optional<World.Shipment> next = day.world.takeShipmentOnTheWay(random);
        next.ifPresent(shipment -> {
            Instant at = day.pacing.now().isAfter(shipment.dispatchedAt()) ? day.pacing.now() : shipment.dispatchedAt();
            Map<String, Object> delivery = Map.of("at", at, "receivedBy", "Goods-in " + (1 + random.nextInt(40)));
            if (!day.tracking(shipment, "DELIVERED", delivery)) {
                day.api.post("ConfirmDelivery", "/shipments/" + shipment.uuid() + "/delivery", delivery);
            }
        });
        return next.isPresent();
    }

    boolean shipmentException(Random random) {
        Optional<World.Shipment> next = day.world.anyShipmentOnTheWay(random);
        next.ifPresent(shipment -> {
            String type = EXCEPTIONS[random.nextInt(EXCEPTIONS.length)];
            if (!day.tracking(shipment, "EXCEPTION", Map.of("exceptionType", type, "note", "reported by carrier"))) {
                day.api.post("ReportShipmentException", "/shipments/" + shipment.uuid() + "/exceptions",
                        Map.of("type", type, "note", "reported by carrier"));
            }
        });
        return next.isPresent();
    }
}
