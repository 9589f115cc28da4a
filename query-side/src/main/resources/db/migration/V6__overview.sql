-- The operations overview: every aggregate seen (for exactly-once counting), status counts, hourly throughput.
CREATE TABLE overview_aggregate (
    id         VARCHAR(200) PRIMARY KEY,
    counter    VARCHAR(64),
    version    BIGINT       NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE overview_count (
    counter VARCHAR(64) PRIMARY KEY,
    total   BIGINT      NOT NULL
);

CREATE TABLE overview_hourly (
    hour_start TIMESTAMP WITH TIME ZONE NOT NULL,
    metric     VARCHAR(64)              NOT NULL,
    total      BIGINT                   NOT NULL,
    PRIMARY KEY (hour_start, metric)
);
