package io.supplyline.events.inventory;

/** Why on-hand stock was corrected outside receipts and issues. */
public enum AdjustmentReason {
    CYCLE_COUNT, DAMAGE, LOSS, FOUND
}
