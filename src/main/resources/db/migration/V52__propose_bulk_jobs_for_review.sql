-- A bulk job may be proposed rather than started: the retention review builds its jobs with their records and
-- outcomes so far, PROPOSED, for a person to start (then it runs or waits for approval like any job) or to discard.
-- Nothing is done to a record of a proposed job until someone starts it.
ALTER TABLE bulk_jobs DROP CONSTRAINT bulk_jobs_status_check;
ALTER TABLE bulk_jobs ADD CONSTRAINT bulk_jobs_status_check
    CHECK (status IN ('PROPOSED', 'PENDING_APPROVAL', 'RUNNING', 'DONE', 'REJECTED', 'DISCARDED'));

-- What proposed the job, as 'retention-review.erase': a newer proposal of the same kind replaces one still waiting.
ALTER TABLE bulk_jobs ADD COLUMN proposed_as text;

-- The proposals waiting for someone, and those a new proposal replaces.
CREATE INDEX bulk_jobs_proposed ON bulk_jobs (proposed_as, id) WHERE status = 'PROPOSED';
