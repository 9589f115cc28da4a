package io.supplyline.events;

import java.util.regex.Pattern;

/**
 * An event's identity on the wire: its stable {@link EventName} and its {@link EventRevision}.
 * {@link #typeName()} is the {@code ce_type} header of every record on {@code supplychain.events};
 * {@link #schemaUri()} is its {@code ce_dataschema} and the {@code $id} of the published JSON Schema.
 */
public record EventType(String name, int revision) {

    /** Where the schemas are published; the files are {@code docs/contract/events/<type name>.schema.json}. */
    public static final String SCHEMA_BASE_URI = "https://supplyline.io/schemas/events/";

    /** {@code supplyline.<context>.<EventName>}: lower-case context, the event named in past tense. */
    public static final Pattern NAME = Pattern.compile("supplyline\\.[a-z]+\\.[A-Z][A-Za-z0-9]*");

    // Read once per class: the relay asks for every event it publishes.
    private static final ClassValue<EventType> OF_CLASS = new ClassValue<>() {
        @Override
        protected EventType computeValue(Class<?> type) {
            EventName name = type.getAnnotation(EventName.class);
            EventRevision revision = type.getAnnotation(EventRevision.class);
            if (name == null || revision == null) {
                throw new IllegalArgumentException(
                        type.getName() + " is not an event: it needs both @EventName and @EventRevision");
            }
            return new EventType(name.value(), Integer.parseInt(revision.value()));
        }
    };

    public EventType {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An event name must match " + NAME + " but was '" + name + "'");
        }
        if (revision < 1) {
            throw new IllegalArgumentException("An event revision starts at 1, not " + revision);
        }
    }

    /** The type of an event class, from its annotations. */
    public static EventType of(Class<?> eventClass) {
        return OF_CLASS.get(eventClass);
    }

    /** The name with its revision, e.g. {@code supplyline.inventory.StockAdjusted.v1}: the {@code ce_type}. */
    public String typeName() {
        return name + ".v" + revision;
    }

    public String schemaFileName() {
        return typeName() + ".schema.json";
    }

    /** The {@code ce_dataschema} header and the schema's {@code $id}. */
    public String schemaUri() {
        return SCHEMA_BASE_URI + schemaFileName();
    }

    @Override
    public String toString() {
        return typeName();
    }
}
