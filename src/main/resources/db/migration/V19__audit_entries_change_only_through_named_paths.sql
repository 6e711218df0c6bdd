-- The audit trail stays append-only, with two deliberate exceptions, each declared by the transaction that takes
-- it and each limited to the columns it may touch:
--
--   seal   chaining entries that were written unchained: a chain column (prev_hash, hash, chain_seq, sealed_at)
--          may go from NULL to a value, once. Nothing else may change.
--   erase  blanking personal data under the right to be forgotten: the content columns may change and the entry
--          becomes erased (erased = true, erased_by = the erasure's own entry), once, and only by a transaction
--          that has itself recorded that '<kind>.erase' entry. Its payload_hash stays, so the chain still verifies
--          and the verifier can say "erased by entry N" instead of "broken".
--
-- A transaction declares its path with set_config('backroom.audit_path', 'seal' | 'erase', true). The declaration
-- alone allows nothing: every row an UPDATE touches is checked against the path's rules, so id, at and payload_hash
-- never change, a sealed link is never re-sealed, and an erased entry is never erased again. DELETE and TRUNCATE
-- stay refused whatever is declared. Only someone who can disable triggers gets past this, and verify shows where.
ALTER TABLE audit_log ADD COLUMN erased_by bigint REFERENCES audit_log (id);

CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('backroom.audit_path', true) IN ('seal', 'erase') THEN
        RETURN NULL;  -- each row is checked by audit_log_check_path
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Audit entries are never changed or removed; record a new entry instead.';
END
$$;

CREATE FUNCTION audit_log_check_path() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    path text := current_setting('backroom.audit_path', true);
    old_row jsonb := to_jsonb(OLD);
    new_row jsonb := to_jsonb(NEW);
    chain_columns text[] := ARRAY['prev_hash', 'hash', 'chain_seq', 'sealed_at'];
    erasable_columns text[] := ARRAY['actor', 'action', 'record_kind', 'record_id', 'reason', 'changes',
                                     'request_id', 'address', 'erased', 'erased_by'];
    column_name text;
BEGIN
    FOR column_name IN SELECT jsonb_object_keys(new_row) LOOP
        CONTINUE WHEN old_row -> column_name IS NOT DISTINCT FROM new_row -> column_name;
        CONTINUE WHEN path = 'seal' AND column_name = ANY (chain_columns) AND old_row -> column_name = 'null'::jsonb;
        CONTINUE WHEN path = 'erase' AND column_name = ANY (erasable_columns);
        RAISE EXCEPTION 'audit_log is append-only: % of entry % may not change on the % path', column_name, OLD.id,
            coalesce(path, 'undeclared')
            USING ERRCODE = 'insufficient_privilege';
    END LOOP;
    IF path = 'erase' AND old_row IS DISTINCT FROM new_row AND (
           OLD.erased OR NOT NEW.erased OR NEW.erased_by IS NULL
           -- The erasure's own entry, recorded by this transaction (at is taken after the transaction began, and
           -- another transaction's uncommitted entry is invisible here).
           OR NOT EXISTS (SELECT 1 FROM audit_log e
                          WHERE e.id = NEW.erased_by AND e.action LIKE '%.erase' AND e.at >= now())) THEN
        RAISE EXCEPTION 'audit_log is append-only: entry % may only be erased once, by an erasure recorded in the '
            'same transaction', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_log_changes_follow_a_path
    BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_check_path();
