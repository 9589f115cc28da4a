package io.supplyline.query.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;

import io.supplyline.support.transaction.JtaTransactionManager;

/**
 * Each projection's dead letters: the events it could not apply, parked per aggregate in the table
 * {@code deadletterentry} that the transaction finds first (a rebuild's transactions find its own).
 */
@Singleton
public class DeadLetterQueues {

    private final Map<String, DeadLetterParking> byProjection = new LinkedHashMap<>();

    DeadLetterQueues(DataSource dataSource, jakarta.transaction.TransactionManager jta, ProjectionHandlers handlers,
                     EventRecords records) {
        Serializer serializer = records.serializer();
        for (String projection : handlers.names()) {
            byProjection.put(projection, new DeadLetterParking(JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                    .processingGroup(projection)
                    .connectionProvider(dataSource::getConnection)
                    .transactionManager(new JtaTransactionManager(jta))
                    .genericSerializer(serializer)
                    .eventSerializer(serializer)
                    .build()));
        }
    }

    public DeadLetterParking of(String projection) {
        return byProjection.get(projection);
    }

    public Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues() {
        Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new LinkedHashMap<>();
        byProjection.forEach((projection, parking) -> queues.put(projection, parking.queue()));
        return queues;
    }
}
