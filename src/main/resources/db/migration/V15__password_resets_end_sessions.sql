-- A password set by someone else (a reset) must end what the old one opened and be replaced by its holder.
-- credentials_version: a session remembers the version it signed in with and ends when the row's is newer; kept in
-- the row, not in any session registry, so it holds on every instance and with sessions stored anywhere.
-- must_change_password: the holder chooses a new password before anything else.
ALTER TABLE staff
    ADD COLUMN credentials_version bigint NOT NULL DEFAULT 0,
    ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
