package io.supplyline.query.shipments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.shipping.ShipmentCheckpointRecorded;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelayed;
import io.supplyline.events.shipping.ShipmentDelivered;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentExceptionReported;
import io.supplyline.events.shipping.ShipmentExceptionType;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.query.EventTopicWriter;

/** Shipment events on the real topic become the shipment board, with lateness judged against today. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class ShipmentBoardApiTest {

    private static final EventTopicWriter TOPIC = new EventTopicWriter();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @AfterAll
    static void closeTopic() {
        TOPIC.close();
    }

    private static RequestSpecification analyst() {
        return given().auth().basic("analyst", "analyst");
    }

    private static ShipmentId created(String warehouse, LocalDate promised) {
        ShipmentId shipment = ShipmentId.random();
        TOPIC.publish("Shipment", shipment.aggregateId(), 0, new ShipmentCreated(shipment, SalesOrderId.random(),
                new WarehouseCode(warehouse), "DHL", "JD0001", promised));
        return shipment;
    }

    private static String unique() {
        return "WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void aShipmentTravelsAcrossTheBoard() {
        String warehouse = unique();
        ShipmentId shipment = created(warehouse, TODAY.plusDays(3));
        Instant dispatched = Instant.parse("2026-12-01T08:00:00Z");
        TOPIC.publish("Shipment", shipment.aggregateId(), 1, new ShipmentDispatched(shipment, SalesOrderId.random(), dispatched));
        TOPIC.publish("Shipment", shipment.aggregateId(), 2,
                new ShipmentCheckpointRecorded(shipment, "Leipzig hub", dispatched.plusSeconds(3600), null), 2);
        TOPIC.publish("Shipment", shipment.aggregateId(), 3,
                new ShipmentExceptionReported(shipment, ShipmentExceptionType.CUSTOMS_HOLD, "papers"));
        TOPIC.publish("Shipment", shipment.aggregateId(), 4,
                new ShipmentDelivered(shipment, SalesOrderId.random(), dispatched.plusSeconds(7200), "J. Doe"));

        analyst().get("/shipments/{id}?minVersion=4", shipment.value())
                .then().statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("warehouse", equalTo(warehouse))
                .body("checkpoints", equalTo(1))
                .body("lastLocation", equalTo("Leipzig hub"))
                .body("exceptions", equalTo(1))
                .body("lastException", equalTo("CUSTOMS_HOLD"))
                .body("dispatchedAt", equalTo("2026-12-01T08:00:00Z"))
                .body("delayed", equalTo(false))
                .body("version", equalTo(4));
    }

    @Test
    void delayedShipmentsAreThoseMovedPastTheirPromiseOrStillOnTheWayAfterTheirEstimate() {
        String warehouse = unique();
        ShipmentId onTime = created(warehouse, TODAY.plusDays(2));
        ShipmentId moved = created(warehouse, TODAY.plusDays(2));
        ShipmentId overdue = created(warehouse, TODAY.minusDays(1));
        TOPIC.publish("Shipment", moved.aggregateId(), 1,
                new ShipmentDelayed(moved, TODAY.plusDays(2), TODAY.plusDays(4), "storm"));
        analyst().get("/shipments/{id}?minVersion=1", moved.value()).then().statusCode(200)
                .body("eta", equalTo(TODAY.plusDays(4).toString())).body("delayed", equalTo(true));
        analyst().get("/shipments/{id}?minVersion=0", overdue.value()).then().statusCode(200);
        analyst().get("/shipments/{id}?minVersion=0", onTime.value()).then().statusCode(200);

        analyst().get("/shipments?warehouse={w}&delayed=true&sort=eta", warehouse)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", equalTo(List.of(overdue.aggregateId(), moved.aggregateId())));
        analyst().get("/shipments?warehouse={w}&delayed=false", warehouse)
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(onTime.aggregateId())));
    }

    @Test
    void badParametersAreRefused() {
        analyst().get("/shipments?delayed=maybe").then().statusCode(400).body("errors.field", hasItem("delayed"));
        analyst().get("/shipments?status=LOST").then().statusCode(400);
        analyst().get("/shipments/{id}", UUID.randomUUID()).then().statusCode(404);
    }
}
