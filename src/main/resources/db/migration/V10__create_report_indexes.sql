-- Reports are aggregations over one period: every report reads only the orders of that period and their lines,
-- through indexes that carry the columns it adds up (index-only scans), never the whole history.
--
-- Sales by customer and by staff: the orders of the period by (created_at, id), carrying who bought, who sold and
-- the total. It also serves what sales_orders_by_created (V3) served, the newest-first list, so that one goes.
CREATE INDEX sales_orders_by_created_covering ON sales_orders (created_at, id) INCLUDE (customer_id, created_by, total);
DROP INDEX sales_orders_by_created;

-- Every report of sales: an order's lines with what they add up (item, quantity, line total), one probe per order.
CREATE INDEX sales_order_lines_by_order_covering ON sales_order_lines (order_id) INCLUDE (item_id, quantity, line_total);

-- The dormant-customer review: a customer's last sale and lifetime sales from the index alone. It also serves
-- what sales_orders_by_customer (V3) served (a customer's orders newest first, read backwards; the dependents
-- probe), so that one goes.
CREATE INDEX sales_orders_by_customer_covering ON sales_orders (customer_id, created_at, id) INCLUDE (total);
DROP INDEX sales_orders_by_customer;

-- Purchases by supplier: the orders of the period with supplier, status and total.
CREATE INDEX purchase_orders_by_created_covering ON purchase_orders (created_at, id) INCLUDE (supplier_id, status, total);
DROP INDEX purchase_orders_by_created;

-- The dormant-customer review walks active customers (the walk-in one aside) in id order, a page at a time.
CREATE INDEX customers_active_by_id ON customers (id) WHERE status = 'ACTIVE' AND NOT is_system;
