-- The first answer to each command sent with an Idempotency-Key, written by a subscribing handler
-- in the same transaction as the command's events: a retry, even after a crash or restart, gets
-- that answer and appends nothing.
CREATE TABLE idempotent_request (
    id              VARCHAR(64)  PRIMARY KEY,  -- SHA-256 of principal and key
    principal       VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    command_id      VARCHAR(64)  NOT NULL,
    aggregate_id    VARCHAR(255) NOT NULL,
    version         BIGINT       NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
