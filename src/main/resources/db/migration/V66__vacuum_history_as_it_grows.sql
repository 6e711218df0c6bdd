-- History is vacuumed as it grows, not once a fifth of it is new. PostgreSQL's autovacuum visits a table after
-- 1,000 + 20% of its rows were inserted (50 + 20% changed): at ten million sales lines, after two million more,
-- months of a busy store. Until then the newest rows' pages are not marked all-visible, so every index-only read
-- that starts from the newest (an item's or a customer's count in the impact preview, a customer's last order in the
-- list, a history's first page) fetches each of those rows from the table as well: on the 1m benchmark store,
-- 800,000 lines written since the load made an item's impact preview read 1,001 rows from the heap: its statement
-- took 2.6 ms, 0.45 ms once vacuumed, and PostgreSQL's CPU per preview went from 1.4 to 0.5 ms. Such a vacuum reads
-- only the pages written since the last one (12,879 of 168,265 there, in 0.2 s).
--
-- Visited after 1% new or changed rows instead of 20% (the fixed 1,000 and 50 stay, so a small store's tables are
-- visited no later than before): at ten million lines, after about 100,000 more.
ALTER TABLE sales_orders SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_scale_factor = 0.01);
ALTER TABLE sales_order_lines SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_scale_factor = 0.01);
ALTER TABLE purchase_orders SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_scale_factor = 0.01);
ALTER TABLE purchase_order_lines SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_scale_factor = 0.01);
-- Each written, then changed once (when the sealer chains it, when it is numbered).
ALTER TABLE audit_log SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_scale_factor = 0.01);
ALTER TABLE events SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_scale_factor = 0.01);

-- Master records change now and then (a balance, a status, an edit), and each change clears its page's all-visible
-- mark: the pickers' and the list's walks of the name indexes (index-only, V18_1, V30) then fetch those rows too.
-- On the 1m store, with the changes of earlier benchmark runs and 20,000 more (2% of its customers) not yet
-- vacuumed, a walk of 8,000 names fetched 3,921 rows from the table (21 ms), and the customer list's searches took
-- p50 11.6 ms, mean 22.2 ms: 6.8 and 17.4 ms once vacuumed (the same 300 searches). Visited after 2% changed or new
-- rows: a vacuum of a million customers reads the table and all its indexes (4.4 s there).
ALTER TABLE customers SET (autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_vacuum_scale_factor = 0.02);
ALTER TABLE items SET (autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_vacuum_scale_factor = 0.02);
ALTER TABLE suppliers SET (autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_vacuum_scale_factor = 0.02);
