-- Demand per stock item (hourly, by the orders' own time), orders seen once, supplier lead times,
-- and each SKU's latest supplier: what spikes and projected stockouts are judged on.
CREATE TABLE alert_demand (
    id                 VARCHAR(200) PRIMARY KEY,
    current_hour       TIMESTAMP WITH TIME ZONE,
    current_hour_units BIGINT           NOT NULL DEFAULT 0,
    baseline_per_hour  DOUBLE PRECISION NOT NULL DEFAULT 0,
    hours_seen         BIGINT           NOT NULL DEFAULT 0
);

CREATE TABLE alert_order (
    id         VARCHAR(100) PRIMARY KEY,
    version    BIGINT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE alert_supplier (
    id             VARCHAR(100) PRIMARY KEY,
    lead_time_days INTEGER NOT NULL DEFAULT 0,
    version        BIGINT  NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE
);

ALTER TABLE alert_product ADD COLUMN last_supplier VARCHAR(64);
