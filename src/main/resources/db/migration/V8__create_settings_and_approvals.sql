-- Settings an owner changes while Backroom runs; a missing key means the configured default.
CREATE TABLE settings (
    key        text PRIMARY KEY,
    value      jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text
);

-- Four-eyes requests: an action held until someone else approves it. The check constraint makes "nobody
-- approves their own request" a rule of the database, not only of the code.
CREATE TABLE approval_requests (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action          text NOT NULL,
    record_kind     text NOT NULL,
    record_id       bigint NOT NULL,
    reason          text NOT NULL,
    requested_by    bigint NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
    requested_at    timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED')),
    decided_by      bigint REFERENCES staff (id) ON DELETE RESTRICT,
    decided_at      timestamptz,
    decision_reason text,
    CONSTRAINT approval_requests_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by),
    CONSTRAINT approval_requests_decided CHECK (status NOT IN ('APPROVED', 'REJECTED')
                                                OR (decided_by IS NOT NULL AND decided_at IS NOT NULL))
);

CREATE INDEX approval_requests_pending ON approval_requests (requested_at, id) WHERE status = 'PENDING';
CREATE INDEX approval_requests_by_status ON approval_requests (status, requested_at, id);
CREATE INDEX approval_requests_by_requester ON approval_requests (requested_by);
CREATE INDEX approval_requests_by_decider ON approval_requests (decided_by);
CREATE INDEX approval_requests_by_record ON approval_requests (record_kind, record_id);
