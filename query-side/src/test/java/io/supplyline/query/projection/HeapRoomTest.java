package io.supplyline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a replay in memory knows the heap has no room for more rows. */
class HeapRoomTest {

    @Test
    void theOldGenerationOfThisCollectorIsWatched() {
        assertThat(HeapRoom.watched()).hasSize(1);
    }

    @Test
    void whatACollectionLeftLiveIsComparedWithTheShareAllowed() {
        byte[][] live = new byte[64][];
        for (int i = 0; i < live.length; i++) {
            live[i] = new byte[64 * 1024];
        }
        System.gc();
        assertThat(HeapRoom.isShort(1e-6)).as("some of the heap is live").isTrue();
        assertThat(HeapRoom.isShort(1.0)).as("not all of it").isFalse();
        assertThat(HeapRoom.isShort(0)).as("no share: no room").isTrue();
        assertThat(live.length).as("kept live until here").isEqualTo(64);
    }
}
