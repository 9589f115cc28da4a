package io.supplyline.query.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;

import io.quarkus.arc.All;
import io.supplyline.query.projection.Projection;
import io.supplyline.query.projection.ProjectionRows;

/**
 * Every projection's event handlers, by projection name (the {@code @ProcessingGroup} of its handler
 * classes). The handlers are plain annotated methods, one per event type; Axon's adapter finds the one
 * for an event and resolves its parameters (sequence number, timestamp, message).
 */
@Singleton
public class ProjectionHandlers {

    private final Map<String, List<AnnotationEventHandlerAdapter>> byProjection = new LinkedHashMap<>();
    private final ProjectionRows rows;

    ProjectionHandlers(@All List<Projection> projections, ProjectionRows rows) {
        this.rows = rows;
        for (Projection projection : projections) {
            byProjection.computeIfAbsent(nameOf(projection), key -> new ArrayList<>())
                    .add(new AnnotationEventHandlerAdapter(projection));
        }
    }

    /** The projections' names, in the order their handlers run for an event. */
    public List<String> names() {
        return List.copyOf(byProjection.keySet());
    }

    /** Whether any handler of the projection takes the event. */
    public boolean handles(String projection, EventMessage<?> event) {
        for (AnnotationEventHandlerAdapter handlers : byProjection.get(projection)) {
            if (handlers.canHandle(event)) {
                return true;
            }
        }
        return false;
    }

    /** Runs the projection's handlers for the event (in the caller's transaction). */
    public void apply(String projection, EventMessage<?> event) {
        for (AnnotationEventHandlerAdapter handlers : byProjection.get(projection)) {
            if (handlers.canHandle(event)) {
                try {
                    handlers.handle(event);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
        }
    }

    /** Writes the rows the handlers added or changed in this transaction (else they are written at its commit). */
    void writeRows() throws SQLException {
        rows.write();
    }

    private static String nameOf(Projection projection) {
        return projection.getClass().getAnnotation(ProcessingGroup.class).value();
    }
}
