package io.supplyline.query.alerts;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import io.supplyline.query.projection.ProjectionRows;

/**
 * The open alerts of each subject one transaction (one engine batch) touches, read once per batch
 * instead of once per question: a stock event asks about three types. Only {@link AlertBook} opens and
 * resolves alerts, and it keeps this in step, so the read needs no flush of the batch's pending rows.
 */
@Singleton
class OpenAlerts {

    private final ProjectionRows rows;

    OpenAlerts(ProjectionRows rows) {
        this.rows = rows;
    }

    /** What this transaction has read. */
    private static final class Read {
        final Map<String, Map<AlertType, Alert>> bySubject = new HashMap<>();
        boolean batchLoaded;
    }

    Map<AlertType, Alert> of(String subject) {
        Read read = rows.ofTransaction(Read.class, Read::new);
        if (!read.batchLoaded) {
            read.batchLoaded = true;
            // Alerts are about aggregates: those of the batch's events are read with one query.
            load(read, rows.aggregatesOfBatch());
        }
        if (!read.bySubject.containsKey(subject)) {
            load(read, List.of(subject));
        }
        return read.bySubject.get(subject);
    }

    private void load(Read read, List<String> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        subjects.forEach(subject -> read.bySubject.put(subject, new EnumMap<>(AlertType.class)));
        Set<String> loading = new HashSet<>(subjects);
        rows.matching(Alert.class, "subject", subjects, alert -> alert.open && loading.contains(alert.subject),
                        "subject = ANY(?) AND is_open = true", subjects)
                .forEach(alert -> read.bySubject.get(alert.subject).put(alert.type, alert));
    }
}
