-- The demo store's purchasing: eight suppliers (one closed down and inactive) and a year of weekly purchase orders
-- that replenish what was sold. Runs after 1-store.sql in the same transaction, so its setseed holds and the data
-- is the same on every fresh start. Received orders are what stock on hand is made of: each tracked item's stock is
-- its opening stock a year ago, plus what was received since, less what was sold since.

INSERT INTO suppliers (name, contact_name, email, phone, address, tax_number, payment_terms, notes, created_at, updated_at)
SELECT v.name, v.contact, v.email, v.phone, v.address, v.tax, v.terms, v.notes,
       now() - interval '2 years 1 month', now() - interval '2 years 1 month'
FROM (VALUES
    ('Harbour Drinks Co.', 'Lena Marsh', 'orders@harbourdrinks.example', '+1 555 2100 001', '4 Quay Street', 'TX-10021', '30 days net', 'Delivers Mondays'),
    ('Riverside Bakery', 'Tom Baker', 'tom@riversidebakery.example', '+1 555 2100 002', '12 Mill Lane', 'TX-10022', 'Cash on delivery', 'Took over our bread when Old Mill closed'),
    ('Valley Dairy Cooperative', 'Anna Kowalski', 'sales@valleydairy.example', '+1 555 2100 003', 'Valley Road Farm', 'TX-10023', '14 days net', NULL),
    ('Green Acre Farms', 'Joe Green', 'joe@greenacre.example', '+1 555 2100 004', 'Green Acre, Route 9', 'TX-10024', '14 days net', 'Seasonal prices'),
    ('Sweet & Salty Distributors', 'Priya Shah', 'priya@sweetsalty.example', '+1 555 2100 005', '88 Harbour Row', 'TX-10025', '30 days net', NULL),
    ('Northern Pantry Wholesale', 'Mark Olsen', 'orders@northernpantry.example', '+1 555 2100 006', 'Unit 3, North Park', 'TX-10026', '30 days net', 'Minimum order 100.00'),
    ('CleanHome Supplies', 'Rita Lopez', 'rita@cleanhome.example', '+1 555 2100 007', '7 Station Road', 'TX-10027', '45 days net', NULL),
    ('Old Mill Wholesale', 'Hans Miller', 'info@oldmill.example', '+1 555 2100 008', 'The Old Mill', 'TX-10028', '30 days net', 'Closed down')
) AS v (name, contact, email, phone, address, tax, terms, notes);

-- Who supplies what: one supplier per category; bread came from Old Mill until it closed five months ago.
CREATE TEMP TABLE demo_supply ON COMMIT DROP AS
SELECT v.category, v.n, s.id AS supplier_id, s.name AS supplier_name, o.id AS until_id, o.name AS until_name
FROM (VALUES ('Beverages', 0, 'Harbour Drinks Co.'), ('Bakery', 1, 'Riverside Bakery'),
             ('Dairy', 2, 'Valley Dairy Cooperative'), ('Produce', 3, 'Green Acre Farms'),
             ('Snacks', 4, 'Sweet & Salty Distributors'), ('Pantry', 5, 'Northern Pantry Wholesale'),
             ('Household', 6, 'CleanHome Supplies')) AS v (category, n, supplier)
JOIN suppliers s ON s.name = v.supplier
LEFT JOIN suppliers o ON o.name = 'Old Mill Wholesale' AND v.category = 'Bakery';

-- One order a week per category over the last year, each replenishing what was sold since the one before; now
-- and then an extra one that was cancelled; and two drafts for next week. Numbered in the order they were made.
CREATE TEMP TABLE demo_weekly ON COMMIT DROP AS
SELECT s.category, s.n AS category_no,
       CASE WHEN s.until_id IS NOT NULL AND w.at < now() - interval '150 days' THEN s.until_id ELSE s.supplier_id END AS supplier_id,
       CASE WHEN s.until_id IS NOT NULL AND w.at < now() - interval '150 days' THEN s.until_name ELSE s.supplier_name END AS supplier_name,
       w.at - interval '7 days' AS since, w.at
FROM demo_supply s
CROSS JOIN LATERAL (
    SELECT current_date - 364 + s.n + 7 * k + make_interval(hours => 8 + (s.n + k) % 3) AS at
    FROM generate_series(0, 52) AS k
) AS w
WHERE w.at < now();

CREATE TEMP TABLE demo_po ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY o.at) AS n, o.*
FROM (
    -- The latest order of each supplier is on its way; every earlier one was received two days after it was made.
    SELECT category, supplier_id, supplier_name, since, at,
           CASE WHEN at > now() - interval '7 days' THEN 'ORDERED' ELSE 'RECEIVED' END AS status,
           NULL AS cancel_reason, category_no % 2 = 0 AS by_owner
    FROM demo_weekly
    UNION ALL
    SELECT category, supplier_id, supplier_name, NULL, at + interval '1 day 30 minutes', 'CANCELLED',
           (ARRAY['Ordered twice by mistake', 'Supplier could not deliver in time',
                  'Prices went up; ordered elsewhere'])[1 + floor(random() * 3)::int], true
    FROM demo_weekly
    WHERE at < now() - interval '8 days' AND random() < 0.05
    UNION ALL
    SELECT category, supplier_id, supplier_name, NULL, now() - make_interval(hours => 3 + n), 'DRAFT', NULL, false
    FROM demo_supply
    WHERE category IN ('Dairy', 'Produce')
) AS o;

CREATE TEMP TABLE demo_po_lines ON COMMIT DROP AS
SELECT p.n, row_number() OVER (PARTITION BY p.n ORDER BY i.id) AS line_no, i.id AS item_id, i.sku, i.name,
       -- Whole cases of six, at least one: a week without sales still restocks a little.
       greatest(6, ceil(coalesce(sold.qty, 0) / 6.0) * 6)::int AS quantity, i.cost AS unit_cost
FROM demo_po p
JOIN items i ON i.category = p.category AND NOT (i.status <> 'ACTIVE' AND i.status_changed_at < p.at)
LEFT JOIN LATERAL (
    SELECT sum(l.quantity) AS qty
    FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id
    WHERE l.item_id = i.id AND o.created_at >= p.since AND o.created_at < p.at
) AS sold ON true
WHERE p.since IS NOT NULL
UNION ALL
-- The orders that went nowhere (yet): two of the supplier's active items, a case of twelve each.
SELECT p.n, row_number() OVER (PARTITION BY p.n ORDER BY i.id), i.id, i.sku, i.name, 12, i.cost
FROM demo_po p
CROSS JOIN LATERAL (
    SELECT id, sku, name, cost FROM items
    WHERE category = p.category AND status = 'ACTIVE'
    ORDER BY (id * 7 + p.n) % 11, id LIMIT 2
) AS i
WHERE p.since IS NULL;

INSERT INTO purchase_orders (supplier_id, supplier_name, status, total, cancel_reason, created_at, created_by,
                             ordered_at, received_at, cancelled_at, updated_at, version)
SELECT p.supplier_id, p.supplier_name, p.status,
       (SELECT sum(l.quantity * l.unit_cost) FROM demo_po_lines l WHERE l.n = p.n), p.cancel_reason, p.at,
       CASE WHEN p.by_owner THEN 'owner' ELSE 'maria' END,
       CASE WHEN p.status IN ('ORDERED', 'RECEIVED') OR (p.status = 'CANCELLED' AND p.n % 2 = 0)
            THEN p.at + interval '2 hours' END,
       CASE WHEN p.status = 'RECEIVED' THEN p.at + interval '2 days' END,
       CASE WHEN p.status = 'CANCELLED' THEN p.at + interval '3 hours' END,
       p.at + CASE p.status WHEN 'RECEIVED' THEN interval '2 days' WHEN 'ORDERED' THEN interval '2 hours'
                            WHEN 'CANCELLED' THEN interval '3 hours' ELSE interval '0' END,
       CASE p.status WHEN 'RECEIVED' THEN 2 WHEN 'DRAFT' THEN 0 ELSE 1 END
FROM demo_po p
ORDER BY p.n;

INSERT INTO purchase_order_lines (order_id, line_no, item_id, sku, name, quantity, unit_cost, line_total)
SELECT o.id, l.line_no, l.item_id, l.sku, l.name, l.quantity, l.unit_cost, l.quantity * l.unit_cost
FROM demo_po_lines l
-- The demo starts on an empty database: the orders' ids run in the order they were inserted, by n.
JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM purchase_orders) AS o ON o.n = l.n
ORDER BY o.id, l.line_no;

-- Stock on hand: the opening stock of 1-store.sql a year ago, plus what was received, less what was sold since.
UPDATE items i
SET stock_on_hand = i.stock_on_hand
        + coalesce((SELECT sum(l.quantity) FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.order_id
                    WHERE l.item_id = i.id AND o.status = 'RECEIVED'), 0)
        - coalesce((SELECT sum(l.quantity) FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id
                    WHERE l.item_id = i.id AND o.created_at >= (SELECT min(since) FROM demo_weekly)), 0)
WHERE i.track_stock;

-- Old Mill Wholesale closed down five months ago: inactive, its orders kept.
UPDATE suppliers
SET status = 'INACTIVE', status_reason = 'Closed down; bread now comes from Riverside Bakery',
    status_changed_at = now() - interval '150 days', version = version + 1
WHERE name = 'Old Mill Wholesale';
