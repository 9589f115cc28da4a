-- The audit trail: one row per stored event, written in the append transaction. It carries the
-- event's hash chain (each event's hash covers its predecessor's in the same aggregate) and the
-- columns auditors search by, so a search needs no scan of the events' JSON.
CREATE TABLE event_audit (
    event_id        VARCHAR(255) PRIMARY KEY,
    aggregate_id    VARCHAR(255)             NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    event_type      VARCHAR(255)             NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    principal       VARCHAR(255),
    correlation_id  VARCHAR(255),
    command_name    VARCHAR(255),
    previous_hash   CHAR(64)                 NOT NULL,
    hash            CHAR(64)                 NOT NULL,
    UNIQUE (aggregate_id, sequence_number)
);
CREATE INDEX event_audit_occurred_at ON event_audit (occurred_at);
CREATE INDEX event_audit_principal ON event_audit (principal, occurred_at);
CREATE INDEX event_audit_correlation ON event_audit (correlation_id);
CREATE INDEX event_audit_type ON event_audit (event_type, occurred_at);
