package io.supplyline.query.axon;

import java.util.Collection;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;

/**
 * Hands Kafka records to a processor in the order they were fetched. Each record's tracking token
 * covers every record fetched before it, so the processor may only store it once all of those are
 * handled. axon-kafka's default buffer sorts by timestamp instead: while catching up, a record
 * fetched later but stamped earlier went first, and the token stored after it claimed records still
 * waiting in the buffer; a restart then skipped them (and the projections' lag could not be told).
 */
final class ArrivalOrderBuffer implements Buffer<KafkaEventMessage> {

    private static final int CAPACITY = 1_000;

    private final LinkedBlockingQueue<KafkaEventMessage> records = new LinkedBlockingQueue<>(CAPACITY);
    private volatile RuntimeException failure;

    @Override
    public void put(KafkaEventMessage record) throws InterruptedException {
        records.put(record);
    }

    @Override
    public void putAll(Collection<KafkaEventMessage> batch) throws InterruptedException {
        for (KafkaEventMessage record : batch) {
            records.put(record);
        }
    }

    @Override
    public KafkaEventMessage poll(long timeout, TimeUnit unit) throws InterruptedException {
        failIfFetchingFailed();
        return records.poll(timeout, unit);
    }

    @Override
    public KafkaEventMessage take() throws InterruptedException {
        failIfFetchingFailed();
        return records.take();
    }

    @Override
    public KafkaEventMessage peek() {
        failIfFetchingFailed();
        return records.peek();
    }

    @Override
    public int size() {
        return records.size();
    }

    @Override
    public boolean isEmpty() {
        return records.isEmpty();
    }

    @Override
    public int remainingCapacity() {
        return records.remainingCapacity();
    }

    @Override
    public void clear() {
        records.clear();
    }

    /** The fetcher failed: the processor sees it on its next read, and reopens the stream. */
    @Override
    public void setException(RuntimeException exception) {
        failure = exception;
    }

    private void failIfFetchingFailed() {
        RuntimeException failed = failure;
        if (failed != null && records.isEmpty()) {
            throw failed;
        }
    }
}
