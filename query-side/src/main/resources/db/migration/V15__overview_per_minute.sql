-- The overview per minute beside per hour (UTC, by the events' own time), for the last hour's throughput, and
-- when the newest event it counted happened. Both tables also count the orders that entered and that left
-- BACKORDERED (metrics backorders and backordersClosed): GET /overview/throughput derives the backorder trend
-- from them. History applied before this version has neither minutes nor those metrics: a rebuild of the
-- overview (POST /admin/projections/overview/rebuild) replays it into them.
CREATE TABLE overview_minutely (
    minute_start TIMESTAMP WITH TIME ZONE NOT NULL,
    metric       VARCHAR(64)              NOT NULL,
    total        BIGINT                   NOT NULL,
    PRIMARY KEY (minute_start, metric)
);

-- One row (id 1), moved forward only, so instances that apply different partitions never move it back.
CREATE TABLE overview_latest_event (
    id SMALLINT                 PRIMARY KEY,
    at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Each aggregate's row holds the time of the last event applied to it.
INSERT INTO overview_latest_event (id, at)
SELECT 1, MAX(updated_at) FROM overview_aggregate HAVING MAX(updated_at) IS NOT NULL;
