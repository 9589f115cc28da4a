package io.supplyline.query.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventMessage;

import io.supplyline.query.projection.ProjectionRows;

/** Opens and resolves alerts inside the alert projection's transaction. */
@Singleton
public class AlertBook {

    private static final int CAUSES_KEPT = 20;

    private final ProjectionRows rows;
    private final OpenAlerts openAlerts;

    AlertBook(ProjectionRows rows, OpenAlerts openAlerts) {
        this.rows = rows;
        this.openAlerts = openAlerts;
    }

    /** Opens an alert, or adds the event to the causes of the one already open, with the new detail. */
    public Alert open(AlertType type, String subject, EventMessage<?> cause, String detail) {
        Alert alert = openAlerts.of(subject).computeIfAbsent(type, absent -> {
            Alert opened = new Alert();
            // One event may open one type of alert for several subjects (a policy change, a new day).
            opened.id = cause.getIdentifier() + "/" + type + "/" + subject;
            opened.type = type;
            opened.subject = subject;
            opened.open = true;
            opened.openedAt = cause.getTimestamp();
            opened.causedBy = "";
            return rows.add(opened);
        });
        List<String> causes = new ArrayList<>(Arrays.asList(alert.causedBy.isEmpty() ? new String[0] : alert.causedBy.split(",")));
        causes.add(cause.getIdentifier());
        alert.causedBy = String.join(",", causes.subList(Math.max(0, causes.size() - CAUSES_KEPT), causes.size()));
        alert.detail = detail;
        rows.changed("alert", alert.id, () -> AlertView.of(alert));
        return alert;
    }

    /** Changes the open alert of this type about the subject, if there is one, without a cause of its own. */
    public void amend(AlertType type, String subject, Consumer<Alert> change) {
        Optional.ofNullable(openAlerts.of(subject).get(type)).ifPresent(alert -> {
            change.accept(alert);
            rows.changed("alert", alert.id, () -> AlertView.of(alert));
        });
    }

    public void resolve(AlertType type, String subject, EventMessage<?> cause) {
        resolve(type, subject, cause.getIdentifier(), cause.getTimestamp());
    }

    public void resolve(AlertType type, String subject, String causeId, Instant at) {
        Optional.ofNullable(openAlerts.of(subject).remove(type)).ifPresent(alert -> {
            alert.open = false;
            alert.reorderNow = false;
            alert.resolvedAt = at;
            alert.resolvedBy = causeId;
            rows.changed("alert", alert.id, () -> AlertView.of(alert));
        });
    }
}
