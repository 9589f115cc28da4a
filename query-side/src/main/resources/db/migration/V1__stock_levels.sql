-- Positions of the projections in supplychain.events (Kafka offsets per partition), committed in
-- the same transaction as the read-model rows they produced.
CREATE TABLE tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokentype     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorname, segment)
);

-- Stock levels per warehouse x SKU; version = sequence number of the last applied event.
CREATE TABLE stock_level (
    id            VARCHAR(200) PRIMARY KEY,
    warehouse     VARCHAR(64)  NOT NULL,
    sku           VARCHAR(64)  NOT NULL,
    on_hand       BIGINT       NOT NULL,
    reserved      BIGINT       NOT NULL,
    available     BIGINT       NOT NULL,
    inbound       BIGINT       NOT NULL,
    reorder_point BIGINT       NOT NULL,
    status        VARCHAR(8)   NOT NULL,
    version       BIGINT       NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX stock_level_sku ON stock_level (sku);
CREATE INDEX stock_level_warehouse ON stock_level (warehouse);
CREATE INDEX stock_level_status ON stock_level (status);

-- The stock projection's copy of each product's reorder policy.
CREATE TABLE stock_product_policy (
    sku              VARCHAR(64) PRIMARY KEY,
    reorder_point    BIGINT NOT NULL,
    version          BIGINT NOT NULL
);
