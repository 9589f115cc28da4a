package io.supplyline.deploy.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void noPortIsHandedOutTwice() {
        int[] ports = IntStream.range(0, 200).map(i -> FreePorts.next()).toArray();

        assertThat(ports).doesNotHaveDuplicates().doesNotContain(0);
    }
}
