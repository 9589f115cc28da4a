package io.supplyline.query.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;

/**
 * One event of a batch and where it sits in the topic; a record that is no event message has none. The
 * partitions' positions move past a batch by its slots.
 */
record BatchSlot(EventMessage<?> event, int partition, long offset) {

    /** Moves {@code positions} (partition: next offset) past the batch. */
    static void moveOn(List<BatchSlot> batch, Map<Integer, Long> positions) {
        for (BatchSlot slot : batch) {
            positions.merge(slot.partition(), slot.offset() + 1, Math::max);
        }
    }

    /** Per partition {from, to}; a batch must start where its partitions are (else it is read again). */
    static Map<Integer, long[]> moves(List<BatchSlot> batch, Map<Integer, Long> positions) {
        Map<Integer, long[]> moves = new HashMap<>();
        for (BatchSlot slot : batch) {
            Long from = positions.get(slot.partition());
            if (from == null || slot.offset() < from) {
                throw new PartitionPositions.PositionMoved(slot.partition(), from == null ? -1 : from);
            }
            moves.computeIfAbsent(slot.partition(), partition -> new long[] {from, 0})[1] = slot.offset() + 1;
        }
        return moves;
    }
}
