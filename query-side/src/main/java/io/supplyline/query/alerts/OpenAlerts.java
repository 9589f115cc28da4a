package io.supplyline.query.alerts;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionScoped;

import org.hibernate.FlushMode;
import org.hibernate.jpa.HibernateHints;

import io.supplyline.query.projection.ProjectionRows;

/**
 * The open alerts of each subject one transaction (one processor batch) touches, read once per batch
 * instead of once per question: a stock event asks about three types. Only {@link AlertBook} opens and
 * resolves alerts, and it keeps this in step, so the read needs no flush of the batch's pending rows.
 */
@TransactionScoped
class OpenAlerts {

    @Inject
    ProjectionRows rows;

    private final Map<String, Map<AlertType, Alert>> bySubject = new HashMap<>();
    private boolean batchLoaded;

    Map<AlertType, Alert> of(String subject) {
        if (!batchLoaded) {
            batchLoaded = true;
            // Alerts are about aggregates: those of the batch's events are read with one query.
            load(rows.aggregatesOfBatch());
        }
        if (!bySubject.containsKey(subject)) {
            load(List.of(subject));
        }
        return bySubject.get(subject);
    }

    private void load(List<String> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        subjects.forEach(subject -> bySubject.put(subject, new EnumMap<>(AlertType.class)));
        Alert.<Alert>find("subject in ?1 and open = true", subjects)
                .withHint(HibernateHints.HINT_FLUSH_MODE, FlushMode.COMMIT)
                .list()
                .forEach(alert -> bySubject.get(alert.subject).put(alert.type, alert));
    }
}
