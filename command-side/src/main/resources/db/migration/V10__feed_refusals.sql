-- The outcome of each inbound feed record that was refused, so that a redelivered record (after a crash
-- before its offset was committed) is refused again rather than judged anew against a state that has
-- moved on. Accepted records are remembered as idempotent_request answers.
CREATE TABLE feed_refusal (
    id         VARCHAR(64)   PRIMARY KEY,  -- SHA-256 of the feed's principal and the record's key
    code       VARCHAR(64)   NOT NULL,
    detail     VARCHAR(2000) NOT NULL,
    refused_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX feed_refusal_refused_at ON feed_refusal (refused_at);
