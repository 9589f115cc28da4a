package io.supplyline.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The event's stable name on the wire: {@code ce_type} (with the revision), the schema file and the
 * AsyncAPI message all carry it. Written out on each record, never derived from the class, so that
 * renaming or moving the Java type cannot change what consumers see. Form:
 * {@code supplyline.<context>.<EventName>}, the context being the aggregate's feature package. Once
 * published a name never changes and is never reused; a new shape is a new {@link EventRevision}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventName {
    String value();
}
