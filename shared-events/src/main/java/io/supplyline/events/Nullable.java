package io.supplyline.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This component of an event (or of a value it carries) may be null: it is written as JSON
 * {@code null} and is optional in the event's schema. Every other component is never null and is a
 * required property. Removing the mark later, or adding it, changes the contract: raise the
 * {@link EventRevision}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Nullable {
}
