-- One projection engine reads the topic once for every read model: its position per partition (the
-- offset of the next event to apply), written in the transaction that writes the rows.
CREATE TABLE projection_position (
    partition_no INTEGER PRIMARY KEY,
    next_offset  BIGINT  NOT NULL
);

-- The processors of the previous version kept their positions in tokenentry: the engine takes the lowest
-- offset any of them had reached per partition at its first start (PartitionPositions.adoptLegacyTokens).

-- Instances share partitions through Kafka's consumer group now: the heartbeat table goes.
DROP TABLE query_instance;

-- Rows that events of several partitions change (a stock level's inbound column, a supplier's figures,
-- the alerts' clock) may be written by two instances at once: each write checks the row's version.
ALTER TABLE stock_level ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE stock_product_policy ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE stock_inbound_order ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE order_board ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE shipment_board ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE purchase_order_board ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE supplier_performance_supplier ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE supplier_performance_order ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE overview_aggregate ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE alert ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE alert_stock_item ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE alert_product ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE alert_purchase_order ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE alert_shipment ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE alert_clock ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE alert_demand ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE alert_order ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE alert_supplier ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
