-- What a signed-in user may do is read on every request, from their roles' permissions. Those change rarely (an
-- owner edits a role or someone's roles), so every such change moves one value, the epoch, in its own transaction:
-- a request reads the epoch with the user's row and reads the permissions again only when it has moved since it last
-- did (staff/SignInDirectory). A role change still applies at the next request, on every instance.
CREATE TABLE grants_epoch (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    epoch    bigint  NOT NULL
);

-- The epoch is a random value, and moves to another rather than to the next number: a database restored from a
-- backup and changed again could otherwise reach a number an instance had already seen for other grants, and two
-- stores would start from the same one. A value names one state of the grants, so permissions kept under it are
-- right for whichever database shows it again.
INSERT INTO grants_epoch (only_row, epoch) VALUES (true, floor(random() * 4503599627370496)::bigint);

CREATE FUNCTION grants_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A restore (backup/Restorer) writes the backup's rows as they were, this table's among them: it moves nothing.
    IF current_setting('backroom.restoring', true) = 'on' THEN
        RETURN NULL;
    END IF;
    UPDATE grants_epoch SET epoch = floor(random() * 4503599627370496)::bigint;
    RETURN NULL;
END
$$;

CREATE TRIGGER staff_roles_move_grants_epoch
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staff_roles
    FOR EACH STATEMENT EXECUTE FUNCTION grants_changed();

CREATE TRIGGER role_permissions_move_grants_epoch
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_permissions
    FOR EACH STATEMENT EXECUTE FUNCTION grants_changed();
