package io.supplyline.query.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.junit.jupiter.api.Test;

/** Records leave in the order they were fetched, whatever their timestamps, so a stored token never runs ahead. */
class ArrivalOrderBufferTest {

    private static KafkaEventMessage record(int partition, long offset, long timestamp, KafkaTrackingToken token) {
        return new KafkaEventMessage(new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("p" + partition)),
                partition, offset, timestamp);
    }

    @Test
    void aRecordFetchedLaterButStampedEarlierWaitsItsTurn() throws InterruptedException {
        KafkaTrackingToken afterFirst = KafkaTrackingToken.emptyToken().advancedTo("t", 4, 7);
        KafkaTrackingToken afterSecond = afterFirst.advancedTo("t", 1, 0);
        ArrivalOrderBuffer buffer = new ArrivalOrderBuffer();
        buffer.putAll(List.of(record(4, 7, 9_000, afterFirst), record(1, 0, 1_000, afterSecond)));

        // The sorted default would hand out partition 1 first, with a token that claims partition 4's record too.
        assertThat(buffer.poll(1, TimeUnit.SECONDS).partition()).isEqualTo(4);
        assertThat(buffer.poll(1, TimeUnit.SECONDS).partition()).isEqualTo(1);
        assertThat(buffer.poll(10, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aFetchingFailureReachesTheProcessorOnceTheFetchedRecordsAreHandled() throws InterruptedException {
        ArrivalOrderBuffer buffer = new ArrivalOrderBuffer();
        buffer.put(record(0, 0, 1, KafkaTrackingToken.emptyToken().advancedTo("t", 0, 0)));
        buffer.setException(new IllegalStateException("broker gone"));

        assertThat(buffer.take().offset()).isZero();
        assertThatThrownBy(() -> buffer.poll(10, TimeUnit.MILLISECONDS)).hasMessage("broker gone");
    }
}
