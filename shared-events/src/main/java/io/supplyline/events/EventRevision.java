package io.supplyline.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema revision of an event's JSON. Bump it when the shape changes and add an upcaster that
 * reads the older revision; both services resolve revisions from this annotation, so the catalog
 * stays free of framework types.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventRevision {
    String value();
}
