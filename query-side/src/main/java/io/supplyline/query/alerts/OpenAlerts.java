package io.supplyline.query.alerts;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import jakarta.transaction.TransactionScoped;

import org.hibernate.FlushMode;
import org.hibernate.jpa.HibernateHints;

/**
 * The open alerts of each subject one transaction (one processor batch) touches, read once per subject
 * instead of once per question: a stock event asks about three types. Only {@link AlertBook} opens and
 * resolves alerts, and it keeps this in step, so the read needs no flush of the batch's pending rows.
 */
@TransactionScoped
class OpenAlerts {

    private final Map<String, Map<AlertType, Alert>> bySubject = new HashMap<>();

    Map<AlertType, Alert> of(String subject) {
        return bySubject.computeIfAbsent(subject, key -> {
            Map<AlertType, Alert> open = new EnumMap<>(AlertType.class);
            Alert.<Alert>find("subject = ?1 and open = true", key)
                    .withHint(HibernateHints.HINT_FLUSH_MODE, FlushMode.COMMIT)
                    .list()
                    .forEach(alert -> open.put(alert.type, alert));
            return open;
        });
    }
}
