-- Audit entries are written unchained, in the transaction of the change they record, and sealed into the chain
-- moments after they commit by one sealer (audit.AuditSealer): no transaction waits for another to chain its entry.
--
-- The chain order is the seal order, chain_seq = 1, 2, 3 … without gaps: ids are taken when an entry is written but
-- commit out of order, so a gap-free id order would have to wait for the slowest transaction. sealed_at says when.
-- An entry is either unsealed (chain_seq, prev_hash, hash, sealed_at all NULL) or sealed (chain_seq, hash and
-- sealed_at set; prev_hash NULL only on the first link). Sealing fills them once, through the 'seal' path (V19).
ALTER TABLE audit_log
    ADD COLUMN chain_seq bigint,
    ADD COLUMN sealed_at timestamptz,
    ALTER COLUMN hash DROP NOT NULL;

-- The entries chained so far keep their links; their seal order is their id order, and they were sealed when written.
SELECT set_config('backroom.audit_path', 'seal', true);
UPDATE audit_log a SET chain_seq = o.seq, sealed_at = a.at
FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM audit_log) AS o
WHERE a.id = o.id;
SELECT set_config('backroom.audit_path', '', true);

-- The chain is a line, never a tree: one entry per position, and no two entries follow the same one. The first
-- link (chain_seq = 1) is the only one without prev_hash; verify checks that, unsealed entries have none yet.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_one_successor;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_one_position UNIQUE (chain_seq);
CREATE UNIQUE INDEX audit_log_one_successor ON audit_log (prev_hash) WHERE prev_hash IS NOT NULL;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_sealed_whole CHECK (
    (chain_seq IS NULL AND prev_hash IS NULL AND hash IS NULL AND sealed_at IS NULL)
    OR (chain_seq IS NOT NULL AND hash IS NOT NULL AND sealed_at IS NOT NULL
        AND (prev_hash IS NOT NULL OR chain_seq = 1)));

-- What the sealer takes next, and the chain lag it reports: the unsealed entries, few at any time.
CREATE INDEX audit_log_unsealed ON audit_log (id) WHERE chain_seq IS NULL;

-- The exact text that audit_payload_hash hashes, for the CSV export: jsonb's text form is PostgreSQL's own
-- normalisation, so an offline verifier is given the hashed text itself rather than asked to rebuild it.
CREATE FUNCTION audit_payload_text(at timestamptz, actor text, action text, record_kind text, record_id bigint,
                                   reason text, changes jsonb, request_id text, address text)
    RETURNS text
    LANGUAGE sql
    STABLE
AS $$
    SELECT jsonb_build_object(
        'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        'actor', actor,
        'action', action,
        'recordKind', record_kind,
        'recordId', record_id,
        'reason', reason,
        'changes', changes,
        'requestId', request_id,
        'address', address)::text
$$;
