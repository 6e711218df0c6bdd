-- Bulk jobs: many records moved through the shared lifecycle in the background, in batches, surviving a restart.
-- A job's records and their outcomes are rows, one per (job, record): a batch commits its lifecycle changes, audit
-- entries, outcomes and the job's progress in one transaction, so a resumed job does nothing twice.
CREATE TABLE bulk_jobs (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_kind         text NOT NULL,
    action              text NOT NULL CHECK (action IN ('deactivate', 'delete', 'reactivate', 'restore')),
    -- What chose the records, as asked: {"ids": [...]}, {"dormantSince": "2025-01-01"} or {"idleSince": ...}.
    criteria            jsonb NOT NULL,
    -- A record with a sale or purchase at or after this moment is skipped, whenever the batch reaches it.
    cutoff              timestamptz,
    reason              text NOT NULL,
    status              text NOT NULL CHECK (status IN ('PENDING_APPROVAL', 'RUNNING', 'DONE', 'REJECTED')),
    -- The user name of who asked: the job runs without their sign-in, so audit entries name them here.
    requested_by        text NOT NULL,
    undo_of             bigint REFERENCES bulk_jobs (id) ON DELETE RESTRICT,
    approval_request_id bigint REFERENCES approval_requests (id) ON DELETE RESTRICT,
    total               integer NOT NULL DEFAULT 0,
    done                integer NOT NULL DEFAULT 0,
    skipped             integer NOT NULL DEFAULT 0,
    failed              integer NOT NULL DEFAULT 0,
    -- The keyset of the batches: every record of the job up to this id has its outcome.
    last_record_id      bigint NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    started_at          timestamptz,
    finished_at         timestamptz
);

-- What the runner resumes on start, oldest first; the undo of a job; the job an approval request holds.
CREATE INDEX bulk_jobs_running ON bulk_jobs (id) WHERE status = 'RUNNING';
CREATE INDEX bulk_jobs_by_undo ON bulk_jobs (undo_of);
CREATE INDEX bulk_jobs_by_approval ON bulk_jobs (approval_request_id);

CREATE TABLE bulk_job_records (
    job_id            bigint NOT NULL REFERENCES bulk_jobs (id) ON DELETE RESTRICT,
    -- No foreign key: a job may name ids that do not exist (skipped as not found), of either kind.
    record_id         bigint NOT NULL,
    outcome           text NOT NULL DEFAULT 'PENDING' CHECK (outcome IN ('PENDING', 'DONE', 'SKIPPED', 'FAILED')),
    reason            text,
    detail            text,
    -- The record's status_changed_at as this job left it: an undo touches it only if nobody changed it since.
    changed_at        timestamptz,
    -- For an undo: the changed_at the undone job left, which the record must still have.
    expect_changed_at timestamptz,
    -- Exactly once: one outcome per record per job.
    PRIMARY KEY (job_id, record_id)
);
