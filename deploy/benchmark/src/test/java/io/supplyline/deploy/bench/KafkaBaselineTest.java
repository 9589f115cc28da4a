package io.supplyline.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The baselines are read from what Kafka's tools print (their 4.1 format, captured from real runs). */
class KafkaBaselineTest {

    @Test
    void theProducerToolsSummaryIsItsLastLineWithPercentilesNotAProgressLine() {
        String output = """
                437185 records sent, 87437.0 records/sec (13.76 MB/sec), 95.5 ms avg latency, 410.0 ms max latency.
                500000 records sent, 172771.251 records/sec (27.19 MB/sec), 83.42 ms avg latency, 410.00 ms max latency, 61 ms 50th, 140 ms 95th, 168 ms 99th, 190 ms 99.9th.
                """;
        assertThat(KafkaBaseline.producerSummary(output)).containsExactly(172771.251, 27.19, 168);
    }

    @Test
    void theConsumerToolsFetchRatesLeaveOutTheGroupJoin() {
        String output = "2026-11-26 21:03:10:123, 2026-11-26 21:03:11:456, 17.9203, 13.4436, 110484, 82883.0957, "
                + "3290, 872, 20.5508, 126701.8349\n";
        assertThat(KafkaBaseline.consumerSummary(output)).containsExactly(126701.8349, 20.5508);
    }

    @Test
    void outputWithoutASummaryIsAnErrorNotAZero() {
        assertThatThrownBy(() -> KafkaBaseline.producerSummary("org.apache.kafka.common.errors.TimeoutException"))
                .hasMessageContaining("No summary");
        assertThatThrownBy(() -> KafkaBaseline.consumerSummary("WARNING: no messages"))
                .hasMessageContaining("No summary");
    }
}
