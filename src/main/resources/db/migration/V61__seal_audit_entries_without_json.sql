-- The audit trail's path check (V19, V20, V60) compares the rows of a seal without turning them into JSON: the
-- sealer updates every entry once, and V60's short way (both rows as jsonb, less their chain columns) still cost
-- about 70 µs an entry, more than half of sealing's time (1,000 entries: 117-223 ms, 47-96 ms with the check off;
-- now 36-48 ms). The new row, with its chain columns put back as they were, is compared with the old row as a
-- whole: every column, those added later too, must be unchanged, exactly as before. The chain columns are checked
-- one by one as before, and the loop still decides every other case and gives its message when the short way does
-- not apply.
CREATE OR REPLACE FUNCTION audit_log_check_path() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    path text := current_setting('backroom.audit_path', true);
    unchained audit_log;
    old_row jsonb;
    new_row jsonb;
    chain_columns text[] := ARRAY['prev_hash', 'hash', 'chain_seq', 'sealed_at'];
    erasable_columns text[] := ARRAY['actor', 'action', 'record_kind', 'record_id', 'reason', 'changes',
                                     'request_id', 'address', 'erased', 'erased_by'];
    column_name text;
BEGIN
    -- Sealing, the common path (every entry once, a thousand a statement): the new row with its chain columns as
    -- they were must be the old row, and each chain column is either unchanged or set from NULL.
    IF path = 'seal' THEN
        unchained := NEW;
        unchained.prev_hash := OLD.prev_hash;
        unchained.hash := OLD.hash;
        unchained.chain_seq := OLD.chain_seq;
        unchained.sealed_at := OLD.sealed_at;
        IF unchained IS NOT DISTINCT FROM OLD
                AND (OLD.prev_hash IS NULL OR OLD.prev_hash IS NOT DISTINCT FROM NEW.prev_hash)
                AND (OLD.hash IS NULL OR OLD.hash IS NOT DISTINCT FROM NEW.hash)
                AND (OLD.chain_seq IS NULL OR OLD.chain_seq IS NOT DISTINCT FROM NEW.chain_seq)
                AND (OLD.sealed_at IS NULL OR OLD.sealed_at IS NOT DISTINCT FROM NEW.sealed_at) THEN
            RETURN NEW;
        END IF;
    END IF;
    old_row := to_jsonb(OLD);
    new_row := to_jsonb(NEW);
    FOR column_name IN SELECT jsonb_object_keys(new_row) LOOP
        CONTINUE WHEN old_row -> column_name IS NOT DISTINCT FROM new_row -> column_name;
        CONTINUE WHEN path = 'seal' AND column_name = ANY (chain_columns) AND old_row -> column_name = 'null'::jsonb;
        CONTINUE WHEN path = 'erase' AND column_name = ANY (erasable_columns);
        RAISE EXCEPTION 'audit_log is append-only: % of entry % may not change on the % path', column_name, OLD.id,
            coalesce(path, 'undeclared')
            USING ERRCODE = 'insufficient_privilege';
    END LOOP;
    IF path = 'erase' AND old_row IS DISTINCT FROM new_row AND (
           NOT NEW.erased OR NEW.erased_by IS NULL
           OR (OLD.erased AND NEW.erased_by <= OLD.erased_by)
           -- The erasure's own entry, recorded by this transaction (at is taken after the transaction began, and
           -- another transaction's uncommitted entry is invisible here).
           OR NOT EXISTS (SELECT 1 FROM audit_log e
                          WHERE e.id = NEW.erased_by AND e.action LIKE '%.erase' AND e.at >= now())) THEN
        RAISE EXCEPTION 'audit_log is append-only: entry % may only be erased by an erasure recorded in the '
            'same transaction', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
