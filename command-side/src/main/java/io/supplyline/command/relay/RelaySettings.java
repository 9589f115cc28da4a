package io.supplyline.command.relay;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the relay delivers to Kafka: the command side's own settings under the same prefix as the
 * shared {@link io.supplyline.support.kafka.KafkaSettings}.
 */
@ConfigMapping(prefix = "supplyline.kafka")
public interface RelaySettings {

    /**
     * How long the relay waits for a batch's acknowledgements before it rolls the batch back and
     * retries it later (its token stays put meanwhile; the records stay queued in the producer).
     */
    @WithDefault("10s")
    Duration relayDeliveryTimeout();

    /**
     * How long the relay's producer waits to fill a batch per partition. The relay sends a whole
     * batch of events before awaiting their acks, so batches fill without waiting by default.
     */
    @WithDefault("0")
    int relayLingerMs();
}
