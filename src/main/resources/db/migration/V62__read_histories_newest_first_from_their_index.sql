-- Histories paged newest first by a key other than the time are read in that order from an index on the key, and
-- stop after a page, however long the history.
--
-- The sales one staff user processed: sales_orders_by_staff (processed_by) could not give them newest first, so the
-- planner read all of a user's orders and sorted them, or walked every order's time backwards to find the few of a
-- user who left long ago.
CREATE INDEX sales_orders_by_staff_newest ON sales_orders (processed_by, created_at, id);
DROP INDEX sales_orders_by_staff;

-- An item's latest sale and purchase lines, newest first by order number: by the orders' time, each of an item's
-- lines was joined to its order before the page could be cut (2.2 s for an item on 4,000 of ten million lines).
-- Each index still leads with item_id, for the foreign key's checks and the impact preview's count.
CREATE INDEX sales_order_lines_by_item_newest ON sales_order_lines (item_id, order_id DESC, line_no);
DROP INDEX sales_order_lines_by_item;
CREATE INDEX purchase_order_lines_by_item_newest ON purchase_order_lines (item_id, order_id DESC, line_no);
DROP INDEX purchase_order_lines_by_item;
