-- The order board: one row per customer order; version = sequence number of the last applied event.
-- Columns other than the key stay nullable: a row may exist before its OrderPlaced arrives.
CREATE TABLE order_board (
    id                      VARCHAR(100) PRIMARY KEY,
    customer                VARCHAR(200),
    warehouse               VARCHAR(64),
    status                  VARCHAR(16),
    line_count              INTEGER      NOT NULL DEFAULT 0,
    units                   BIGINT       NOT NULL DEFAULT 0,
    requested_delivery_date DATE,
    shipment_id             VARCHAR(100),
    placed_at               TIMESTAMP WITH TIME ZONE,
    version                 BIGINT       NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE
);
CREATE INDEX order_board_status ON order_board (status, placed_at);
CREATE INDEX order_board_warehouse ON order_board (warehouse);
CREATE INDEX order_board_customer ON order_board (customer);
