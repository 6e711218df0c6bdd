-- Erasure under the right to be forgotten, and the legal hold that stops it.
--
-- ERASED is a terminal status of customers and staff: the row stays (every order still points to it) with its
-- personal fields blanked. A legal hold (a reason and when it was set) refuses erasure until it is released.
ALTER TABLE customers DROP CONSTRAINT customers_status_check;
ALTER TABLE customers ADD CONSTRAINT customers_status_check
    CHECK (status IN ('ACTIVE', 'INACTIVE', 'DELETED', 'ERASED'));
ALTER TABLE customers ADD COLUMN legal_hold_reason text, ADD COLUMN legal_hold_since timestamptz;

ALTER TABLE staff DROP CONSTRAINT staff_status_check;
ALTER TABLE staff ADD CONSTRAINT staff_status_check
    CHECK (status IN ('ACTIVE', 'INACTIVE', 'DELETED', 'ERASED'));
ALTER TABLE staff ADD COLUMN legal_hold_reason text, ADD COLUMN legal_hold_since timestamptz;

-- The retention review proposes erasure as a bulk job like any other.
ALTER TABLE bulk_jobs DROP CONSTRAINT bulk_jobs_action_check;
ALTER TABLE bulk_jobs ADD CONSTRAINT bulk_jobs_action_check
    CHECK (action IN ('deactivate', 'delete', 'reactivate', 'restore', 'erase'));

INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r, (VALUES ('privacy.erase'), ('privacy.export')) AS p (permission)
WHERE r.name = 'Owner' AND r.built_in
ON CONFLICT DO NOTHING;

-- An entry that a first erasure blanked may still name a second erased person (a sale of an erased customer, made
-- by a cashier erased later): a later erasure, recorded in its own transaction, may blank it again and becomes its
-- erased_by. V19's rules otherwise stand: the erase path only, content columns only, never id, at or payload_hash.
CREATE OR REPLACE FUNCTION audit_log_check_path() RETURNS trigger
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
