package io.supplyline.query.alerts;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionScoped;

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
        Set<String> loading = new HashSet<>(subjects);
        rows.matching(Alert.class, alert -> alert.open && loading.contains(alert.subject),
                        "subject = ANY(?) AND is_open = true", subjects)
                .forEach(alert -> bySubject.get(alert.subject).put(alert.type, alert));
    }
}
