-- A record in the trash always says when it went there: the retention and the trash page count from it.
ALTER TABLE customers ADD CONSTRAINT customers_deleted_when CHECK (status <> 'DELETED' OR status_changed_at IS NOT NULL);
ALTER TABLE items ADD CONSTRAINT items_deleted_when CHECK (status <> 'DELETED' OR status_changed_at IS NOT NULL);
ALTER TABLE suppliers ADD CONSTRAINT suppliers_deleted_when CHECK (status <> 'DELETED' OR status_changed_at IS NOT NULL);
ALTER TABLE staff ADD CONSTRAINT staff_deleted_when CHECK (status <> 'DELETED' OR status_changed_at IS NOT NULL);
