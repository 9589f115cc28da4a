package io.supplyline.command.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.supplyline.command.serialization.StateSerializer;

/**
 * An aggregate as it was at an instant: its events up to then (upcast, from the first one: a
 * snapshot may be younger than the instant) applied by the aggregate's own event-sourcing handlers.
 */
@Singleton
public class AggregateAsOf {

    private final Configuration axon;

    AggregateAsOf(Configuration axon) {
        this.axon = axon;
    }

    /** @return empty when the aggregate had no event yet at that instant */
    public Optional<AggregateState> stateAt(String aggregateId, Instant asOf) {
        List<? extends DomainEventMessage<?>> events = axon.eventStore().readEvents(aggregateId, 0).asStream()
                .filter(event -> !event.getTimestamp().isAfter(asOf))
                .toList();
        if (events.isEmpty()) {
            return Optional.empty();
        }
        DomainEventMessage<?> last = events.get(events.size() - 1);
        Class<?> type = axon.findModules(AggregateConfiguration.class).stream()
                .<Class<?>>map(AggregateConfiguration::aggregateType)
                .filter(candidate -> candidate.getSimpleName().equals(last.getType()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No aggregate type " + last.getType()));
        JsonNode state = StateSerializer.describe(replay(type, aggregateId, events));
        return Optional.of(new AggregateState(aggregateId, last.getType(), asOf, last.getSequenceNumber(),
                last.getTimestamp(), events.size(), state));
    }

    private <T> T replay(Class<T> type, String aggregateId, List<? extends DomainEventMessage<?>> events) {
        // Inspected with the configuration's parameter resolvers: Axon's default inspection cannot resolve the
        // lookups that command handlers take.
        AggregateModel<T> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type,
                axon.parameterResolverFactory(), axon.handlerDefinition(type));
        T root = new GenericAggregateFactory<>(model).createAggregateRoot(aggregateId, events.get(0));
        // No event bus: replaying publishes nothing; no snapshot trigger: it stores nothing either.
        EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(root, model, (EventBus) null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(events.stream()));
        return aggregate.getAggregateRoot();
    }

    /** What the aggregate was after {@code eventsApplied} events, the last one number {@code version}. */
    public record AggregateState(String aggregateId, String aggregateType, Instant asOf, long version,
                                 Instant lastEventAt, int eventsApplied, JsonNode state) {
    }
}
