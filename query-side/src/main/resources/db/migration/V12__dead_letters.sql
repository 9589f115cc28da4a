-- Axon's sequenced dead-letter queue (JdbcSequencedDeadLetterQueue, default names): events a projection
-- could not apply, parked per aggregate, with the events of that aggregate that arrived after them.
CREATE TABLE deadletterentry (
    deadletteridentifier VARCHAR(255) PRIMARY KEY,
    processinggroup      VARCHAR(255) NOT NULL,
    sequenceidentifier   VARCHAR(255) NOT NULL,
    sequenceindex        BIGINT       NOT NULL,
    messagetype          VARCHAR(255) NOT NULL,
    eventidentifier      VARCHAR(255) NOT NULL,
    timestamp            VARCHAR(255) NOT NULL,
    payloadtype          VARCHAR(255) NOT NULL,
    payloadrevision      VARCHAR(255),
    payload              BYTEA        NOT NULL,
    metadata             BYTEA,
    type                 VARCHAR(255),
    aggregateidentifier  VARCHAR(255),
    sequencenumber       BIGINT,
    tokentype            VARCHAR(255),
    token                BYTEA,
    enqueuedat           VARCHAR(255) NOT NULL,
    lasttouched          VARCHAR(255),
    processingstarted    VARCHAR(255),
    causetype            VARCHAR(255),
    causemessage         VARCHAR(1023),
    diagnostics          BYTEA,
    UNIQUE (processinggroup, sequenceidentifier, sequenceindex)
);
