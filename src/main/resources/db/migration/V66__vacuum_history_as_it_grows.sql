-- History is vacuumed as it grows, not once a fifth of it is new. PostgreSQL's autovacuum visits a table after
-- 1,000 + 20% of its rows were inserted: at ten million sales lines, after two million more, months of a busy
-- store. Until then the newest rows' pages are not marked all-visible, so every index-only read that starts from the
-- newest (an item's or a customer's count in the impact preview, a customer's last order in the list, a history's
-- first page) fetches each of those rows from the table as well: on the 1m benchmark store, 800,000 lines written
-- since the load made an item's impact preview read 1,001 rows from the heap: its statement took 2.6 ms, 0.45 ms
-- once vacuumed, and PostgreSQL's CPU per preview went from 1.4 to 0.5 ms. Such a vacuum reads only the pages
-- written since the last one (12,879 of 168,265 there, in 0.2 s).
--
-- Written once and never changed: visited after 10,000 + 1% new rows.
ALTER TABLE sales_orders SET (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0.01);
ALTER TABLE sales_order_lines SET (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0.01);
ALTER TABLE purchase_order_lines SET (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0.01);

-- Written, then changed once (an audit entry when the sealer chains it, an event when it is numbered, a purchase
-- order when it is received): each change leaves the old row behind, so these are also visited after 10,000 + 1%
-- changed rows instead of 50 + 20%.
ALTER TABLE purchase_orders SET (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0.01,
                                 autovacuum_vacuum_threshold = 10000, autovacuum_vacuum_scale_factor = 0.01);
ALTER TABLE audit_log SET (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0.01,
                           autovacuum_vacuum_threshold = 10000, autovacuum_vacuum_scale_factor = 0.01);
ALTER TABLE events SET (autovacuum_vacuum_insert_threshold = 10000, autovacuum_vacuum_insert_scale_factor = 0.01,
                        autovacuum_vacuum_threshold = 10000, autovacuum_vacuum_scale_factor = 0.01);
