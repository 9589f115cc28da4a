package io.supplyline.command.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

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
import org.jboss.logging.Logger;

import io.supplyline.events.EventTopic;
import io.supplyline.support.kafka.KafkaSettings;

/**
 * The relay's one event handler: puts each stored event on the topic, keyed by its aggregate.
 * <p>
 * It sends every event of the relay's batch without waiting, and waits for all their acks when the
 * batch commits, before the relay's token moves past them. Axon's own {@code KafkaPublisher} waits
 * for each event's ack before sending the next, so one round trip to the broker per event capped
 * the relay at a few hundred events per second.
 * <p>
 * An aggregate's events must reach the topic in order, failures included. The producer is
 * idempotent with {@code acks=all}, retries without a delivery timeout, and has one request in
 * flight per broker, so it writes a partition's records in the order they were sent as long as
 * none fails. But a producer that fails a record goes on to write the ones queued after it: after
 * all brokers restarted, the fault suite once found an order's later events on the topic without
 * the earlier ones before them. So the first failure, or acks that do not come in time, ends the
 * producer on the spot ({@code close} with no wait, from the send callback), before it can write
 * anything queued after the failed record; the batch rolls back, and the retry sends it again with a
 * new producer. Whatever reached the topic before is an in-order prefix, and the repeats after it
 * are in order too: publication is at least once, and the query side ignores repeats by version.
 */
public final class KafkaRelay implements EventMessageHandler, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaRelay.class);
    private final AtomicLong failedAttempts = new AtomicLong();
    private static final String ATTEMPT = KafkaRelay.class.getName() + ".attempt";

    private final Map<String, Object> settings;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final Duration ackTimeout;
    /** The producer of the current attempt; null once it failed, and a new one is made for the next. */
    private Producer<String, byte[]> producer;

    public KafkaRelay(KafkaSettings kafka, RelaySettings relay, KafkaMessageConverter<String, byte[]> converter) {
        this.converter = converter;
        this.ackTimeout = relay.relayDeliveryTimeout();
        this.settings = producerSettings(kafka, relay);
    }

    static Map<String, Object> producerSettings(KafkaSettings kafka, RelaySettings relay) {
        Map<String, Object> producer = kafka.clientProperties();
        int relayTimeout = (int) relay.relayDeliveryTimeout().toMillis();
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // One request in flight per broker: a later batch of a partition is never sent beside an earlier one.
        producer.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, relay.relayLingerMs());
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
        Attempt attempt = attempt(CurrentUnitOfWork.get());
        synchronized (this) {
            if (producer != attempt.producer) {
                // This batch's producer already failed a record: nothing more of the batch may follow it.
                throw new RelayFailed("The relay's producer failed during the batch", null);
            }
        }
        Producer<String, byte[]> sending = attempt.producer;
        Future<RecordMetadata> ack = sending.send(converter.createKafkaMessage(event, EventTopic.NAME), (written, failure) -> {
            if (failure != null) {
                abandon(sending, failure);
            }
        });
        attempt.acks.add(ack);
        if (ack.isDone()) {
            // Failed at once (the producer could not learn where the topic lives): send no later event.
            attempt.awaitAcks();
        }
        return null;
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Ends a producer that failed a record, before it writes any record queued after it. */
    private void abandon(Producer<String, byte[]> failed, Exception cause) {
        synchronized (this) {
            if (producer != failed) {
                return;
            }
            producer = null;
        }
        failedAttempts.incrementAndGet();
        LOG.warnf("The relay's producer failed (%s); the batch will be sent again by a new one", cause.toString());
        failed.close(Duration.ZERO);
    }

    /** The current batch's attempt: made with its first event, its acks awaited when it commits. */
    private Attempt attempt(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> batch = unitOfWork.root();
        return batch.getOrComputeResource(ATTEMPT, key -> {
            Attempt attempt = new Attempt(producer());
            batch.onPrepareCommit(committing -> attempt.awaitAcks());
            return attempt;
        });
    }

    /** One batch's sends, all through one producer. */
    private final class Attempt {

        final Producer<String, byte[]> producer;
        final List<Future<RecordMetadata>> acks = new ArrayList<>();

        Attempt(Producer<String, byte[]> producer) {
            this.producer = producer;
        }

        void awaitAcks() {
            long deadline = System.nanoTime() + ackTimeout.toNanos();
            try {
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (ExecutionException e) {
                throw new RelayFailed("Kafka refused an event of the relay's batch of " + acks.size() + " events", e);
            } catch (TimeoutException e) {
                // What is still queued must not be written once the retry has begun: end it.
                abandon(producer, e);
                throw new RelayFailed("Kafka did not acknowledge the relay's batch of " + acks.size() + " events in "
                        + ackTimeout.toMillis() + " ms", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RelayFailed("Interrupted while awaiting Kafka's acknowledgements", e);
            }
        }
    }

    /** How long the relay waits for a batch's acks before it rolls the batch back and retries. */
    /** Batches the relay had to send again since it started (the broker away, say). */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    public Duration ackTimeout() {
        return ackTimeout;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** The batch was not acknowledged: it rolls back and the relay sends it again after a pause. */
    public static final class RelayFailed extends RuntimeException {
        RelayFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
