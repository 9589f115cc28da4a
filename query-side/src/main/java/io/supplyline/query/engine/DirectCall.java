package io.supplyline.query.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMember;
import org.axonframework.messaging.annotation.MessageHandlerInterceptorMemberChain;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.NoMoreInterceptors;

/**
 * A handler method called directly with the arguments Axon's parameter resolvers would give it: the
 * payload first, then any of the sequence number, the timestamp and the message. Resolving every
 * argument through Axon's resolvers, again for each event, was a tenth of applying a replay's batch.
 * A handler that Axon wraps (an interceptor, a handler enhancer) or whose parameters ask for anything
 * else stays with Axon.
 */
final class DirectCall {

    private final MethodHandle method;
    private final Function<EventMessage<?>, Object>[] arguments;

    private DirectCall(MethodHandle method, Function<EventMessage<?>, Object>[] arguments) {
        this.method = method;
        this.arguments = arguments;
    }

    /**
     * @param domainEvents whether the handler is chosen for an aggregate's events (which have a sequence
     *                     number) or for others
     */
    static Optional<DirectCall> of(Object target, MessageHandlingMember<?> handler,
                                   MessageHandlerInterceptorMemberChain<?> interceptors, boolean domainEvents) {
        if (handler.getClass() != AnnotatedMessageHandlingMember.class || !(interceptors instanceof NoMoreInterceptors)) {
            return Optional.empty();
        }
        Optional<Method> unwrapped = handler.unwrap(Method.class);
        if (unwrapped.isEmpty()) {
            return Optional.empty();
        }
        Method method = unwrapped.get();
        Parameter[] parameters = method.getParameters();
        @SuppressWarnings("unchecked")
        Function<EventMessage<?>, Object>[] arguments = new Function[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Optional<Function<EventMessage<?>, Object>> argument = i == 0 ? Optional.of(EventMessage::getPayload)
                    : argument(parameters[i], domainEvents);
            if (argument.isEmpty()) {
                return Optional.empty();
            }
            arguments[i] = argument.get();
        }
        try {
            method.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(method).bindTo(target)
                    .asSpreader(Object[].class, parameters.length)
                    .asType(MethodType.methodType(void.class, Object[].class));
            return Optional.of(new DirectCall(handle, arguments));
        } catch (IllegalAccessException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Function<EventMessage<?>, Object>> argument(Parameter parameter, boolean domainEvents) {
        Class<?> type = parameter.getType();
        if (parameter.isAnnotationPresent(SequenceNumber.class)) {
            return domainEvents && (type == long.class || type == Long.class)
                    ? Optional.of(event -> ((DomainEventMessage<?>) event).getSequenceNumber()) : Optional.empty();
        }
        if (parameter.isAnnotationPresent(Timestamp.class)) {
            return type == Instant.class ? Optional.of(EventMessage::getTimestamp) : Optional.empty();
        }
        if (parameter.getAnnotations().length == 0
                && (type == EventMessage.class || type == Message.class || (domainEvents && type == DomainEventMessage.class))) {
            return Optional.of(event -> event);
        }
        return Optional.empty();
    }

    void call(EventMessage<?> event) throws Throwable {
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = arguments[i].apply(event);
        }
        method.invokeExact(values);
    }
}
