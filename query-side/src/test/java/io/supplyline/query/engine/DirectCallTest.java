package io.supplyline.query.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;

/** Handlers called without Axon's resolvers get what Axon would give them, and the others stay with Axon. */
class DirectCallTest {

    private static final Instant AT = Instant.parse("2026-12-03T08:00:00Z");
    private static final DomainEventMessage<String> EVENT =
            new GenericDomainEventMessage<>("Stock", "stock:A:B", 41, "counted", MetaData.with("by", "scanner"), "e-1", AT);

    static class Handlers {
        final List<Object> seen = new ArrayList<>();

        @EventHandler
        void on(String payload, @SequenceNumber long sequence, @Timestamp Instant at, EventMessage<?> message) {
            seen.addAll(List.of(payload, sequence, at, message));
        }
    }

    static class AsksForMetaData {
        @EventHandler
        void on(String payload, MetaData metaData) {
        }
    }

    static class Intercepted {
        @EventHandler
        void on(String payload) {
        }

        @MessageHandlerInterceptor
        void around(EventMessage<?> event) {
        }
    }

    static class Failing {
        @EventHandler
        void on(String payload) {
            throw new IllegalArgumentException("no: " + payload);
        }
    }

    @Test
    void aHandlerCalledDirectlyGetsThePayloadSequenceTimestampAndMessage() throws Throwable {
        Handlers target = new Handlers();
        DirectCall call = direct(target).orElseThrow();

        call.call(EVENT);

        assertThat(target.seen).containsExactly("counted", 41L, AT, EVENT);
    }

    @Test
    void aHandlerAskingForAnythingElseOrWithAnInterceptorStaysWithAxon() {
        assertThat(direct(new AsksForMetaData())).isEmpty();
        assertThat(direct(new Intercepted())).isEmpty();
    }

    @Test
    void aHandlersFailureReachesTheCallerAsItWasThrown() {
        DirectCall call = direct(new Failing()).orElseThrow();

        assertThatThrownBy(() -> call.call(EVENT)).isInstanceOf(IllegalArgumentException.class).hasMessage("no: counted");
    }

    @SuppressWarnings("unchecked")
    private static Optional<DirectCall> direct(Object target) {
        Class<Object> type = (Class<Object>) target.getClass();
        AnnotatedHandlerInspector<Object> inspector = AnnotatedHandlerInspector.inspectType(type,
                ClasspathParameterResolverFactory.forClass(type), ClasspathHandlerDefinition.forClass(type));
        MessageHandlingMember<? super Object> handler = inspector.getHandlers(type)
                .filter(member -> member.canHandle(EVENT) && member.annotationAttributes(EventHandler.class).isPresent())
                .findFirst().orElseThrow();
        return DirectCall.of(target, handler, inspector.chainedInterceptor(type), true);
    }
}
