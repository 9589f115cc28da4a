-- A principal is whatever the identity provider names the caller (a JWT subject has no length limit):
-- a long one must not make its commands fail.
ALTER TABLE idempotent_request ALTER COLUMN principal SET DATA TYPE VARCHAR;
ALTER TABLE event_audit ALTER COLUMN principal SET DATA TYPE VARCHAR;
-- Expired Idempotency-Key answers are deleted by age.
CREATE INDEX idempotent_request_recorded_at ON idempotent_request (recorded_at);
