-- A supplier's orders in one status, newest first (GET /api/purchase-orders?supplierId=&status=): read from this
-- index and stopped after a page. With purchase_orders_by_supplier alone, the few cancelled or draft orders of a
-- supplier with years of received ones were found by reading the supplier's whole history.
CREATE INDEX purchase_orders_by_supplier_status ON purchase_orders (supplier_id, status, created_at, id);
