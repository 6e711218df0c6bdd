-- Backups: the permission to take and download them, for the Owner, and the claims that let exactly one of several
-- instances take each scheduled backup.
INSERT INTO role_permissions (role_id, permission)
SELECT id, 'backup.manage' FROM roles WHERE name = 'Owner'
ON CONFLICT DO NOTHING;

-- One row per scheduled run (its slot is the time the schedule named): the instance whose insert succeeds takes
-- the backup; the others see the row and skip it.
CREATE TABLE backup_runs (
    slot       timestamptz PRIMARY KEY,
    claimed_by text NOT NULL,
    claimed_at timestamptz NOT NULL DEFAULT now()
);
