package io.supplyline.command.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import io.supplyline.command.axon.KafkaSettings;
import io.supplyline.events.EventTopic;

/**
 * The relay's one event handler: puts each stored event on the topic, keyed by its aggregate.
 * <p>
 * It sends every event of the relay's batch without waiting, and waits for all their acks when the
 * batch commits, before the relay's token moves past them. Axon's own {@code KafkaPublisher} waits
 * for each event's ack before sending the next, so one round trip to the broker per event capped
 * the relay at a few hundred events per second.
 * <p>
 * Order per aggregate must survive failures, and with several sends in flight that takes care. The
 * producer is idempotent with {@code acks=all} and never gives up on a record (no delivery
 * timeout): a Kafka producer that expires a record goes on to write the ones queued after it, which
 * would put an aggregate's later events on the topic before its earlier ones. So when a batch's acks
 * do not come in time (the broker is away), its records stay queued and will be written in order;
 * the batch rolls back, and the relay's next attempt first waits for those records before sending
 * anything new. The retry then writes the batch again: publication is at least once, and the query
 * side ignores the repeats by aggregate version.
 */
public final class KafkaRelay implements EventMessageHandler, AutoCloseable {

    private static final String PENDING_ACKS = KafkaRelay.class.getName() + ".acks";

    private final Producer<String, byte[]> producer;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final Duration ackTimeout;
    /** Records of a batch that failed while they were still queued: the next batch waits for them. */
    private volatile List<Future<RecordMetadata>> unresolved = List.of();

    public KafkaRelay(KafkaSettings kafka, KafkaMessageConverter<String, byte[]> converter) {
        this.converter = converter;
        this.ackTimeout = kafka.relayDeliveryTimeout();
        this.producer = new KafkaProducer<>(producerSettings(kafka), new StringSerializer(), new ByteArraySerializer());
    }

    static Map<String, Object> producerSettings(KafkaSettings kafka) {
        Map<String, Object> producer = kafka.clientProperties();
        int relayTimeout = (int) kafka.relayDeliveryTimeout().toMillis();
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, kafka.relayLingerMs());
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        // A batch of 500 events is well under a megabyte; the default 32 MB pool stays in the heap once filled.
        producer.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 8L * 1024 * 1024);
        // A send that cannot even learn where the topic lives fails (and queues nothing) within this.
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, relayTimeout / 2);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, relayTimeout / 2);
        return producer;
    }

    @Override
    public Object handle(EventMessage<?> event) throws Exception {
        List<Future<RecordMetadata>> acks = pendingAcks(CurrentUnitOfWork.get());
        Future<RecordMetadata> ack = producer.send(converter.createKafkaMessage(event, EventTopic.NAME));
        acks.add(ack);
        if (ack.isDone()) {
            // Failed at once (the producer could not learn where the topic lives): send no later event
            // of this batch, which might get through first.
            awaitAll(List.of(ack));
        }
        return null;
    }

    /**
     * The acks the current batch waits for, registered to be awaited when it commits. The first
     * event of a batch first waits for what a failed batch left queued.
     */
    private List<Future<RecordMetadata>> pendingAcks(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> batch = unitOfWork.root();
        return batch.getOrComputeResource(PENDING_ACKS, key -> {
            awaitUnresolved();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            batch.onPrepareCommit(committing -> awaitAll(acks));
            batch.onRollback(failed -> unresolved = acks.stream().filter(ack -> !ack.isDone()).toList());
            return acks;
        });
    }

    /**
     * Waits until every record a failed batch left queued is written or refused; only records still
     * queued could overtake what this batch sends. A refused one is sent again with this batch.
     */
    private void awaitUnresolved() {
        List<Future<RecordMetadata>> earlier = unresolved;
        if (earlier.isEmpty()) {
            return;
        }
        try {
            awaitAll(earlier);
        } catch (RelayFailed failed) {
            if (!earlier.stream().allMatch(Future::isDone)) {
                throw failed;
            }
        }
        unresolved = List.of();
    }

    private void awaitAll(List<Future<RecordMetadata>> acks) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new RelayFailed("Kafka refused an event of the relay's batch of " + acks.size() + " events", e);
        } catch (TimeoutException e) {
            throw new RelayFailed("Kafka did not acknowledge the relay's batch of " + acks.size() + " events in "
                    + ackTimeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayFailed("Interrupted while awaiting Kafka's acknowledgements", e);
        }
    }

    /** How long the relay waits for a batch's acks before it rolls the batch back and retries. */
    public Duration ackTimeout() {
        return ackTimeout;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** The batch was not acknowledged: it rolls back and the relay sends it again after a pause. */
    public static final class RelayFailed extends RuntimeException {
        RelayFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
