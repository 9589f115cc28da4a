package io.supplyline.command.aggregates;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds a command's target aggregate as Axon's annotation-based resolver does (the first method, else
 * the first field, annotated with {@link TargetAggregateIdentifier}, and likewise its version), but
 * looks for the annotations once per command class: Axon's resolver walks every method and field of
 * the command's class at every command.
 */
public final class CommandTargets implements CommandTargetResolver {

    /** How one command class names its target: each accessor a method or a field, or null. */
    private record Accessors(AccessibleObject identifier, AccessibleObject version) {
    }

    private final ClassValue<Accessors> accessors = new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            return new Accessors(annotated(type, TargetAggregateIdentifier.class), annotated(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Accessors target = accessors.get(command.getPayloadType());
        Object identifier = read(target.identifier(), command.getPayload());
        if (identifier == null) {
            throw new IllegalArgumentException("Invalid command. It does not identify the target aggregate. Make sure at"
                    + " least one of the fields or methods in the [" + command.getPayloadType().getSimpleName()
                    + "] class contains the @TargetAggregateIdentifier annotation and that it returns a non-null value.");
        }
        Object version = read(target.version(), command.getPayload());
        return new VersionedAggregateIdentifier(identifier, version == null ? null
                : version instanceof Number number ? Long.valueOf(number.longValue()) : Long.valueOf(version.toString()));
    }

    private static AccessibleObject annotated(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                return ReflectionUtils.ensureAccessible(method);
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return ReflectionUtils.ensureAccessible(field);
            }
        }
        return null;
    }

    private static Object read(AccessibleObject accessor, Object payload) {
        try {
            if (accessor instanceof Method method) {
                return method.invoke(payload);
            }
            return accessor instanceof Field field ? field.get(payload) : null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read the target of " + payload.getClass().getSimpleName(), e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Cannot read the target of " + payload.getClass().getSimpleName(), e.getCause());
        }
    }
}
