-- Who processed a purchase order: a staff user who did so can be deactivated, never deleted.
ALTER TABLE purchase_orders ADD COLUMN processed_by bigint REFERENCES staff (id) ON DELETE RESTRICT;
CREATE INDEX purchase_orders_by_staff ON purchase_orders (processed_by);
