-- Each stock item's level after each of its own events: the history behind "stock over time".
CREATE TABLE stock_level_point (
    id            VARCHAR(220) PRIMARY KEY,
    stock_item_id VARCHAR(200)             NOT NULL,
    version       BIGINT                   NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    on_hand       BIGINT                   NOT NULL,
    reserved      BIGINT                   NOT NULL
);
CREATE INDEX stock_level_point_item ON stock_level_point (stock_item_id, version);
