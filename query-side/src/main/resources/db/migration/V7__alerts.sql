-- Alerts, and the alert projection's own copies of what its detectors need.
CREATE TABLE alert (
    id                         VARCHAR(200) PRIMARY KEY,
    type                       VARCHAR(32)  NOT NULL,
    is_open                    BOOLEAN      NOT NULL,
    subject                    VARCHAR(200) NOT NULL,
    warehouse                  VARCHAR(64),
    sku                        VARCHAR(64),
    detail                     VARCHAR(500),
    suggested_reorder_quantity BIGINT,
    opened_at                  TIMESTAMP WITH TIME ZONE,
    resolved_at                TIMESTAMP WITH TIME ZONE,
    caused_by                  VARCHAR(2000) NOT NULL,
    resolved_by                VARCHAR(100)
);
CREATE INDEX alert_subject ON alert (subject, type, is_open);
CREATE INDEX alert_open ON alert (is_open, opened_at);

CREATE TABLE alert_stock_item (
    id               VARCHAR(200) PRIMARY KEY,
    warehouse        VARCHAR(64),
    sku              VARCHAR(64),
    on_hand          BIGINT           NOT NULL DEFAULT 0,
    reserved         BIGINT           NOT NULL DEFAULT 0,
    adjustments      BIGINT           NOT NULL DEFAULT 0,
    adjustment_mean  DOUBLE PRECISION NOT NULL DEFAULT 0,
    adjustment_m2    DOUBLE PRECISION NOT NULL DEFAULT 0,
    version          BIGINT           NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX alert_stock_item_sku ON alert_stock_item (sku);

CREATE TABLE alert_product (
    id               VARCHAR(100) PRIMARY KEY,
    reorder_point    BIGINT NOT NULL DEFAULT 0,
    reorder_quantity BIGINT NOT NULL DEFAULT 0,
    version          BIGINT NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE
);

CREATE TABLE alert_purchase_order (
    id                     VARCHAR(100) PRIMARY KEY,
    supplier               VARCHAR(64),
    warehouse              VARCHAR(64),
    expected_delivery_date DATE,
    expecting              BOOLEAN NOT NULL DEFAULT FALSE,
    version                BIGINT  NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE
);
CREATE INDEX alert_purchase_order_expected ON alert_purchase_order (expecting, expected_delivery_date);

CREATE TABLE alert_shipment (
    id                     VARCHAR(100) PRIMARY KEY,
    warehouse              VARCHAR(64),
    promised_delivery_date DATE,
    eta                    DATE,
    on_the_way             BOOLEAN NOT NULL DEFAULT FALSE,
    version                BIGINT  NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE
);
CREATE INDEX alert_shipment_eta ON alert_shipment (on_the_way, eta);

CREATE TABLE alert_clock (
    id        VARCHAR(32) PRIMARY KEY,
    event_day DATE
);
