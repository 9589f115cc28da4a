package io.supplyline.query.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlerInterceptorMemberChain;
import org.axonframework.messaging.annotation.MessageHandlingMember;

import io.quarkus.arc.All;
import io.supplyline.query.projection.Projection;
import io.supplyline.query.projection.ProjectionRows;

/**
 * Every projection's event handlers, by projection name (the {@code @ProcessingGroup} of its handler
 * classes). The handlers are plain annotated methods, one per event type; Axon's handler inspection
 * finds them, and they are called with the arguments Axon's resolvers would give them (sequence number,
 * timestamp, message: {@link DirectCall}), or through Axon where they ask for more. Which handler of a
 * class takes an event depends only on the event's type and on whether it is an aggregate's (no handler
 * here filters on metadata), so it is looked for once per type, not once per event.
 */
@Singleton
public class ProjectionHandlers {

    private static final Invoker[] NONE = {};

    private final Map<String, Dispatch> byProjection = new LinkedHashMap<>();
    private final ProjectionRows rows;

    ProjectionHandlers(@All List<Projection> projections, ProjectionRows rows) {
        this.rows = rows;
        for (Projection projection : projections) {
            byProjection.computeIfAbsent(nameOf(projection), key -> new Dispatch()).add(projection);
        }
    }

    /** The projections' names, in the order their handlers run for an event. */
    public List<String> names() {
        return List.copyOf(byProjection.keySet());
    }

    /** The handlers called through Axon's parameter resolvers rather than directly ({@link DirectCall}). */
    List<String> leftToAxon() {
        return byProjection.values().stream().flatMap(dispatch -> dispatch.listeners.stream())
                .flatMap(Listener::leftToAxon).toList();
    }

    /** Whether any handler of the projection takes the event. */
    public boolean handles(String projection, EventMessage<?> event) {
        return byProjection.get(projection).of(event).length > 0;
    }

    /** Runs the projection's handlers for the event (in the caller's transaction). */
    public void apply(String projection, EventMessage<?> event) {
        Invoker.handleAll(byProjection.get(projection).of(event), event);
    }

    /**
     * The handlers of each of {@code projections} (in that order) for the events of one type: found once per
     * type of event, so that applying a batch asks each event its type once, not once per projection.
     */
    Routes routes(List<String> projections) {
        return new Routes(projections.stream().map(byProjection::get).toArray(Dispatch[]::new));
    }

    /** See {@link #routes}. */
    static final class Routes {
        private final Dispatch[] projections;
        private final Map<Class<?>, Invoker[][]> domainEvents = new ConcurrentHashMap<>();
        private final Map<Class<?>, Invoker[][]> otherEvents = new ConcurrentHashMap<>();

        private Routes(Dispatch[] projections) {
            this.projections = projections;
        }

        /** Per projection, the handlers that take the event (none: an empty array). */
        Invoker[][] of(EventMessage<?> event) {
            Map<Class<?>, Invoker[][]> byType = event instanceof DomainEventMessage<?> ? domainEvents : otherEvents;
            Invoker[][] route = byType.get(event.getPayloadType());
            if (route == null) {
                route = new Invoker[projections.length][];
                for (int i = 0; i < projections.length; i++) {
                    route[i] = projections[i].of(event);
                }
                byType.put(event.getPayloadType(), route);
            }
            return route;
        }
    }

    /** Writes the rows the handlers added or changed in this transaction (else they are written at its commit). */
    void writeRows() throws SQLException {
        rows.write();
    }

    /** Writes every row a replay keeps in memory. */
    void writeOut() throws SQLException {
        rows.writeOut();
    }

    private static String nameOf(Projection projection) {
        return projection.getClass().getAnnotation(ProcessingGroup.class).value();
    }

    /** One projection's handler classes and, per type of event, the handler of each class that takes it. */
    private static final class Dispatch {
        private final List<Listener> listeners = new ArrayList<>();
        private final Map<Class<?>, Invoker[]> domainEvents = new ConcurrentHashMap<>();
        private final Map<Class<?>, Invoker[]> otherEvents = new ConcurrentHashMap<>();

        void add(Object projection) {
            @SuppressWarnings("unchecked")
            Class<Object> type = (Class<Object>) projection.getClass();
            listeners.add(new Listener(projection, AnnotatedHandlerInspector.inspectType(type,
                    ClasspathParameterResolverFactory.forClass(type), ClasspathHandlerDefinition.forClass(type))));
        }

        Invoker[] of(EventMessage<?> event) {
            Map<Class<?>, Invoker[]> byType = event instanceof DomainEventMessage<?> ? domainEvents : otherEvents;
            Invoker[] invokers = byType.get(event.getPayloadType());
            if (invokers == null) {
                invokers = listeners.stream().map(listener -> listener.invokerFor(event)).filter(invoker -> invoker != null)
                        .toArray(Invoker[]::new);
                byType.put(event.getPayloadType(), invokers.length == 0 ? NONE : invokers);
            }
            return invokers;
        }
    }

    /** A handler class: the first of its handlers that can handle an event takes it, as in Axon's adapter. */
    private record Listener(Object target, AnnotatedHandlerInspector<Object> inspector) {
        Stream<String> leftToAxon() {
            Class<?> type = target.getClass();
            return inspector.getHandlers(type)
                    .filter(handler -> DirectCall.of(target, handler, inspector.chainedInterceptor(type), true).isEmpty())
                    .map(Object::toString);
        }

        Invoker invokerFor(EventMessage<?> event) {
            Class<?> type = target.getClass();
            return inspector.getHandlers(type).filter(handler -> handler.canHandle(event)).findFirst()
                    .map(handler -> {
                        MessageHandlerInterceptorMemberChain<Object> interceptors = inspector.chainedInterceptor(type);
                        return new Invoker(target, handler, interceptors, DirectCall.of(target, handler, interceptors,
                                event instanceof DomainEventMessage<?>).orElse(null));
                    })
                    .orElse(null);
        }
    }

    /** @param direct the handler called without Axon's help ({@link DirectCall}); null where it needs Axon */
    record Invoker(Object target, MessageHandlingMember<? super Object> handler,
                   MessageHandlerInterceptorMemberChain<Object> interceptors, DirectCall direct) {
        void handle(EventMessage<?> event) throws Exception {
            if (direct == null) {
                interceptors.handle(event, target, handler);
                return;
            }
            try {
                direct.call(event);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        /** Runs the handlers in the caller's transaction. */
        static void handleAll(Invoker[] invokers, EventMessage<?> event) {
            for (Invoker invoker : invokers) {
                try {
                    invoker.handle(event);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
        }
    }
}
