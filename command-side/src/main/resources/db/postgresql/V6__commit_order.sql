-- Commit order (PostgreSQL): every appended event records the id of the transaction that appended it,
-- so readers can follow the store by what has committed instead of by global index (see
-- io.supplyline.command.eventstore.CommitOrderReader). Events stored before this migration get id 1,
-- which every real snapshot shows as long committed; the processors' old gap-aware positions are
-- converted on their first read.
ALTER TABLE domainevententry ADD COLUMN txid xid8 NOT NULL DEFAULT '1';
ALTER TABLE domainevententry ALTER COLUMN txid SET DEFAULT pg_current_xact_id();
-- A reader finds the rows of transactions still open at its last snapshot, or begun after it, here.
CREATE INDEX domainevententry_txid ON domainevententry (txid, globalindex);
