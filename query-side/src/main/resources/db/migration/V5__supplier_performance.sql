-- Supplier performance: the suppliers, and its own copy of each purchase order's delivery record.
CREATE TABLE supplier_performance_supplier (
    id             VARCHAR(100) PRIMARY KEY,
    code           VARCHAR(64)  NOT NULL,
    name           VARCHAR(200),
    lead_time_days INTEGER,
    suspended      BOOLEAN      NOT NULL DEFAULT FALSE,
    version        BIGINT       NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE
);

CREATE TABLE supplier_performance_order (
    id                     VARCHAR(100) PRIMARY KEY,
    supplier               VARCHAR(64),
    expected_delivery_date DATE,
    units_ordered          BIGINT       NOT NULL DEFAULT 0,
    units_received         BIGINT       NOT NULL DEFAULT 0,
    status                 VARCHAR(16),
    placed_at              TIMESTAMP WITH TIME ZONE,
    fully_received_at      TIMESTAMP WITH TIME ZONE,
    delivered_on_time      BOOLEAN,
    lead_time_days         DOUBLE PRECISION,
    version                BIGINT       NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE
);
CREATE INDEX supplier_performance_order_supplier ON supplier_performance_order (supplier);
