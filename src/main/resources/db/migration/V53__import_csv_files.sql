-- CSV import: a file checked in a dry run (the preview), then written in the background in batches. A job's rows
-- are rows here, one per line of the file: a batch commits its records, their audit entries, its rows' outcomes and
-- the job's progress in one transaction, so a job stopped anywhere resumes without writing a line twice.
CREATE TABLE import_jobs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_kind  text NOT NULL,
    -- PREVIEWED: checked without errors, waiting to be started (a file with errors is not kept).
    status       text NOT NULL CHECK (status IN ('PREVIEWED', 'RUNNING', 'DONE')),
    undo_of      bigint REFERENCES import_jobs (id) ON DELETE RESTRICT,
    file_name    text,
    -- The user name of who asked: the job runs without their sign-in, so audit entries name them here.
    requested_by text NOT NULL,
    reason       text,
    total        integer NOT NULL DEFAULT 0,
    to_create    integer NOT NULL DEFAULT 0,
    to_update    integer NOT NULL DEFAULT 0,
    created      integer NOT NULL DEFAULT 0,
    updated      integer NOT NULL DEFAULT 0,
    unchanged    integer NOT NULL DEFAULT 0,
    -- For an undo: the records it created that went to the trash (or were deactivated, when referenced).
    removed      integer NOT NULL DEFAULT 0,
    conflicts    integer NOT NULL DEFAULT 0,
    failed       integer NOT NULL DEFAULT 0,
    -- The keyset of the batches: every row of the job up to this line has its outcome.
    last_line    integer NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz,
    finished_at  timestamptz
);

-- What the runner resumes on start, oldest first; one undo per import.
CREATE INDEX import_jobs_running ON import_jobs (id) WHERE status = 'RUNNING';
CREATE UNIQUE INDEX import_jobs_one_undo ON import_jobs (undo_of) WHERE undo_of IS NOT NULL;

CREATE TABLE import_job_rows (
    job_id         bigint NOT NULL REFERENCES import_jobs (id) ON DELETE RESTRICT,
    -- The line of the file the row starts on (the header is line 1); an undo numbers its rows as the import's.
    line           integer NOT NULL,
    action         text NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'REVERT', 'REMOVE')),
    -- No foreign key: the record is another feature's, and may be purged after an undo.
    record_id      bigint,
    -- If-Match: the version the preview (or, for an undo, the import) left; a record at another one is a conflict.
    expect_version bigint,
    cells          jsonb NOT NULL,
    outcome        text NOT NULL DEFAULT 'PENDING' CHECK (outcome IN ('PENDING', 'CREATED', 'UPDATED', 'UNCHANGED',
                       'CONFLICT', 'FAILED', 'REVERTED', 'DELETED', 'DEACTIVATED')),
    detail         text,
    -- What an update replaced, and the version it left: what an undo puts back, if nobody changed it since.
    before_cells   jsonb,
    after_version  bigint,
    PRIMARY KEY (job_id, line)
);

-- The page's and the API's list of what went wrong in a job.
CREATE INDEX import_job_rows_problems ON import_job_rows (job_id, line) WHERE outcome IN ('CONFLICT', 'FAILED');

INSERT INTO role_permissions (role_id, permission)
SELECT id, 'import.run' FROM roles WHERE name IN ('Owner', 'Manager')
ON CONFLICT DO NOTHING;
