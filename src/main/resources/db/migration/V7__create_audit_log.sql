-- The audit trail: append-only and hash-chained, so that an entry altered, removed or slipped in behind the
-- application's back shows when the chain is recomputed (GET /api/audit/verify).
--
-- Each entry chains the hash of its payload (payload_hash), not the payload itself: erasing personal data later
-- can blank the content columns and set erased = true while payload_hash, prev_hash and hash stay, so the chain
-- still verifies. hash = sha256(prev_hash || payload_hash); the first entry has no prev_hash.
CREATE TABLE audit_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor        text NOT NULL,
    action       text NOT NULL,
    record_kind  text,
    record_id    bigint,
    reason       text,
    changes      jsonb,
    request_id   text,
    address      text,
    payload_hash bytea NOT NULL,
    prev_hash    bytea,
    hash         bytea NOT NULL,
    erased       boolean NOT NULL DEFAULT false,
    -- The chain is a line, never a tree: no two entries follow the same one, and only one entry starts it.
    CONSTRAINT audit_log_one_successor UNIQUE NULLS NOT DISTINCT (prev_hash)
);

-- The queries of GET /api/audit and GET /api/<kind>/{id}/history page by id; each filter has its index.
CREATE INDEX audit_log_by_record ON audit_log (record_kind, record_id, id);
CREATE INDEX audit_log_by_actor ON audit_log (actor, id);
CREATE INDEX audit_log_by_action ON audit_log (action, id);
CREATE INDEX audit_log_by_time ON audit_log (at, id);

-- The canonical form of an entry's content, hashed. The time is written in UTC with microseconds so that the
-- session's time zone cannot change the text; jsonb's text form is normalized (key order, spacing). Used both
-- when appending and when verifying, so the two can never disagree about what was hashed.
CREATE FUNCTION audit_payload_hash(at timestamptz, actor text, action text, record_kind text, record_id bigint,
                                   reason text, changes jsonb, request_id text, address text)
    RETURNS bytea
    LANGUAGE sql
    STABLE
AS $$
    SELECT sha256(convert_to(jsonb_build_object(
        'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        'actor', actor,
        'action', action,
        'recordKind', record_kind,
        'recordId', record_id,
        'reason', reason,
        'changes', changes,
        'requestId', request_id,
        'address', address)::text, 'UTF8'))
$$;

-- Append-only: any UPDATE, DELETE or TRUNCATE is refused, whichever rows it would touch (statement-level, so an
-- UPDATE matching no row is refused too). Only someone who can disable triggers can alter the table, and then
-- verify shows where.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Audit entries are never changed or removed; record a new entry instead.';
END
$$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
