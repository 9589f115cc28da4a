-- The query-side instances alive now: each writes its row every few seconds. Projections are shared out by
-- token claims; an instance that holds more than its share of them gives some up (SegmentBalancer).
CREATE TABLE query_instance (
    instance_id VARCHAR(255) PRIMARY KEY,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
