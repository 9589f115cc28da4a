package io.supplyline.command.shipping;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;

import io.supplyline.command.lookup.FulfilmentStatus;
import io.supplyline.command.lookup.OrderLookup.OrderView;
import io.supplyline.command.lookup.OrderLookup;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.DuplicateRegistration;
import io.supplyline.command.rules.ExpectedVersion;
import io.supplyline.command.rules.UnknownReference;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.shipping.ShipmentCheckpointRecorded;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelayed;
import io.supplyline.events.shipping.ShipmentDelivered;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentExceptionReported;
import io.supplyline.events.shipping.ShipmentExceptionType;

/**
 * The delivery of one allocated order by a carrier. Only an allocated order gets a shipment, and
 * only one; checkpoints and delivery come after dispatch, nothing after delivery. A shipment whose
 * order was cancelled before it shipped is void: it is neither dispatched nor delivered.
 */
public class Shipment {

    @AggregateIdentifier
    private String id;
    private SalesOrderId orderId;
    private LocalDate eta;
    private Instant dispatchedAt;
    private boolean delivered;
    private boolean voided;

    protected Shipment() {
    }

    @CommandHandler
    Shipment(CreateShipment command, OrderLookup orders) {
        OrderView order = orders.order(command.orderId()).orElseThrow(() ->
                new UnknownReference("UNKNOWN_ORDER", "No order " + command.orderId()));
        requireShippable(command.orderId(), order.status());
        if (order.shipment().isPresent()) {
            throw new DuplicateRegistration("ORDER_HAS_SHIPMENT",
                    "Order " + command.orderId() + " already has shipment " + order.shipment().get());
        }
        apply(new ShipmentCreated(command.shipmentId(), command.orderId(), order.warehouse(), command.carrier(),
                command.trackingNumber(), command.promisedDeliveryDate()));
    }

    @CommandHandlerInterceptor
    void checkExpectedVersion(CommandMessage<?> command) {
        ExpectedVersion.verify(command.getMetaData(), getVersion());
    }

    /** The order must still be allocated; read with its row locked, so that a cancellation of the order waits. */
    @CommandHandler
    long dispatch(DispatchShipment command, OrderLookup orders) {
        requireNotVoid();
        if (dispatchedAt != null) {
            throw new BusinessRuleViolation("SHIPMENT_ALREADY_DISPATCHED", "Shipment " + id + " left at " + dispatchedAt);
        }
        orders.orderForChange(orderId).ifPresent(order -> requireShippable(orderId, order.status()));
        apply(new ShipmentDispatched(command.shipmentId(), orderId, command.at()));
        return getVersion();
    }

    @CommandHandler
    long recordCheckpoint(RecordCheckpoint command) {
        requireOnTheWay();
        apply(new ShipmentCheckpointRecorded(command.shipmentId(), command.location(), command.at(), command.note()));
        return getVersion();
    }

    @CommandHandler
    long reportDelay(ReportDelay command) {
        requireNotVoid();
        requireNotDelivered();
        if (!command.newEta().isAfter(eta)) {
            throw new BusinessRuleViolation("DELAY_NOT_LATER",
                    "A delay must move the arrival after " + eta + ", not to " + command.newEta());
        }
        apply(new ShipmentDelayed(command.shipmentId(), eta, command.newEta(), command.reason()));
        return getVersion();
    }

    @CommandHandler
    long confirmDelivery(ConfirmDelivery command) {
        requireOnTheWay();
        if (command.at().isBefore(dispatchedAt)) {
            throw new BusinessRuleViolation("DELIVERY_BEFORE_DISPATCH",
                    "Delivery at " + command.at() + " is before the dispatch at " + dispatchedAt);
        }
        apply(new ShipmentDelivered(command.shipmentId(), orderId, command.at(), command.receivedBy()));
        return getVersion();
    }

    @CommandHandler
    long reportException(ReportShipmentException command) {
        if (command.type() == ShipmentExceptionType.ORDER_CANCELLED) {
            throw new BusinessRuleViolation("EXCEPTION_TYPE_RESERVED",
                    "ORDER_CANCELLED is reported by the fulfilment process when an order is cancelled");
        }
        requireNotDelivered();
        apply(new ShipmentExceptionReported(command.shipmentId(), command.type(), command.note()));
        return getVersion();
    }

    @CommandHandler
    long voidShipment(VoidShipment command) {
        requireNotDelivered();
        if (voided) {
            throw new BusinessRuleViolation("SHIPMENT_VOID", "Shipment " + id + " is already void");
        }
        apply(new ShipmentExceptionReported(command.shipmentId(), ShipmentExceptionType.ORDER_CANCELLED, command.reason()));
        return getVersion();
    }

    private static void requireShippable(SalesOrderId order, FulfilmentStatus status) {
        if (status == FulfilmentStatus.CANCELLED) {
            throw new BusinessRuleViolation("ORDER_CANCELLED", "Order " + order + " is cancelled");
        }
        if (status.hasShipped()) {
            throw new BusinessRuleViolation("ORDER_ALREADY_SHIPPED", "Order " + order + " has already shipped");
        }
        if (status != FulfilmentStatus.ALLOCATED) {
            throw new BusinessRuleViolation("ORDER_NOT_ALLOCATED",
                    "Order " + order + " is " + status + "; only allocated orders ship");
        }
    }

    private void requireOnTheWay() {
        requireNotVoid();
        if (dispatchedAt == null) {
            throw new BusinessRuleViolation("SHIPMENT_NOT_DISPATCHED", "Shipment " + id + " has not been dispatched");
        }
        requireNotDelivered();
    }

    private void requireNotVoid() {
        if (voided) {
            throw new BusinessRuleViolation("SHIPMENT_VOID", "Shipment " + id + " is void: its order was cancelled");
        }
    }

    private void requireNotDelivered() {
        if (delivered) {
            throw new BusinessRuleViolation("SHIPMENT_ALREADY_DELIVERED", "Shipment " + id + " is already delivered");
        }
    }

    @EventSourcingHandler
    void on(ShipmentCreated event) {
        id = event.shipmentId().aggregateId();
        orderId = event.orderId();
        eta = event.promisedDeliveryDate();
    }

    @EventSourcingHandler
    void on(ShipmentDispatched event) {
        dispatchedAt = event.at();
    }

    @EventSourcingHandler
    void on(ShipmentDelayed event) {
        eta = event.newEta();
    }

    @EventSourcingHandler
    void on(ShipmentDelivered event) {
        delivered = true;
    }

    @EventSourcingHandler
    void on(ShipmentExceptionReported event) {
        if (event.type() == ShipmentExceptionType.ORDER_CANCELLED) {
            voided = true;
        }
    }
}
