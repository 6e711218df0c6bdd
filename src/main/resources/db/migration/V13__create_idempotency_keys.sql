-- The first answer to each request that carried an Idempotency-Key, per signed-in staff user, so that a retry with
-- the same key gets that answer again instead of doing the work twice. The row is written in the same transaction
-- as the change it guards (see IdempotencyFilter): it exists if and only if the change committed.
CREATE TABLE idempotency_keys (
    staff_id     bigint      NOT NULL,  -- no foreign key: a key outlives nothing, and must never hold up a purge
    key          text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash bytea       NOT NULL,  -- sha256 of method, path with query, and body
    status       integer     NOT NULL,
    headers      jsonb       NOT NULL,
    body         bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (staff_id, key)
);

-- The scheduled cleanup removes the oldest keys first, in batches.
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
