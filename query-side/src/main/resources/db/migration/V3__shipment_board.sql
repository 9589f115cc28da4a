-- The shipment board: one row per shipment; version = sequence number of the last applied event.
CREATE TABLE shipment_board (
    id                     VARCHAR(100) PRIMARY KEY,
    order_id               VARCHAR(100),
    warehouse              VARCHAR(64),
    carrier                VARCHAR(100),
    tracking_number        VARCHAR(100),
    status                 VARCHAR(16),
    promised_delivery_date DATE,
    eta                    DATE,
    dispatched_at          TIMESTAMP WITH TIME ZONE,
    delivered_at           TIMESTAMP WITH TIME ZONE,
    last_location          VARCHAR(200),
    last_checkpoint_at     TIMESTAMP WITH TIME ZONE,
    checkpoints            INTEGER      NOT NULL DEFAULT 0,
    exceptions             INTEGER      NOT NULL DEFAULT 0,
    last_exception         VARCHAR(32),
    version                BIGINT       NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE
);
CREATE INDEX shipment_board_status ON shipment_board (status, eta);
CREATE INDEX shipment_board_warehouse ON shipment_board (warehouse);
