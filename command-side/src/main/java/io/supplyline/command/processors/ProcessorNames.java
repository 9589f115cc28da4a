package io.supplyline.command.processors;

/**
 * The command side's event processors. The names are stored with each processor's position in the
 * token table, so changing one restarts that processor from the beginning of the event store.
 */
public final class ProcessorNames {

    /** Keeps the lookup, idempotency and audit tables in the transaction of the command that appends. */
    public static final String LOOKUPS = "lookups";
    /** Reads the event store in commit order and publishes every event to Kafka. */
    public static final String KAFKA_RELAY = "kafka-relay";
    /** Books received purchase-order goods into stock. */
    public static final String GOODS_INTO_STOCK = "goods-into-stock";
    /** Takes customer orders from placing to delivery. */
    public static final String ORDER_FULFILMENT = "order-fulfilment";

    private ProcessorNames() {
    }
}
