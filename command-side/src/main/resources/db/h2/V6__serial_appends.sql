-- The embedded database appends one transaction at a time: a transaction updates this row before it
-- inserts events and holds the row lock until it ends (see
-- io.supplyline.command.eventstore.SerialAppendStorageEngine).
CREATE TABLE event_append_turn (
    turns BIGINT NOT NULL
);
INSERT INTO event_append_turn (turns) VALUES (0);
