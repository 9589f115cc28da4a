-- The purchase-order board: one row per purchase order; version = sequence number of the last applied event.
CREATE TABLE purchase_order_board (
    id                     VARCHAR(100) PRIMARY KEY,
    supplier               VARCHAR(64),
    warehouse              VARCHAR(64),
    status                 VARCHAR(24),
    expected_delivery_date DATE,
    line_count             INTEGER      NOT NULL DEFAULT 0,
    units_ordered          BIGINT       NOT NULL DEFAULT 0,
    units_received         BIGINT       NOT NULL DEFAULT 0,
    placed_at              TIMESTAMP WITH TIME ZONE,
    last_receipt_at        TIMESTAMP WITH TIME ZONE,
    version                BIGINT       NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE
);
CREATE INDEX purchase_order_board_status ON purchase_order_board (status, expected_delivery_date);
CREATE INDEX purchase_order_board_supplier ON purchase_order_board (supplier);

-- The stock projection's own copy of what each purchase order still brings in, per SKU: the
-- source of stock_level.inbound.
CREATE TABLE stock_inbound_order (
    id         VARCHAR(100) PRIMARY KEY,
    warehouse  VARCHAR(64),
    version    BIGINT       NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE
);
CREATE TABLE stock_inbound_line (
    purchase_order_id VARCHAR(100) NOT NULL REFERENCES stock_inbound_order (id),
    sku               VARCHAR(64)  NOT NULL,
    remaining         BIGINT       NOT NULL,
    PRIMARY KEY (purchase_order_id, sku)
);
