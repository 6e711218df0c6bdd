-- The demo store: a few hundred customers (some inactive, some in the trash, some on credit), ~50 items and two
-- years of sales. Deterministic (setseed), so every fresh start shows the same store.
SELECT setseed(0.2024);

INSERT INTO items (sku, name, category, price, cost, barcode, track_stock, stock_on_hand, created_at, updated_at)
SELECT v.sku, v.name, v.category, v.price, round(v.price * 0.6, 2), '40' || lpad(v.n::text, 11, '0'),
       v.n % 3 = 0, CASE WHEN v.n % 3 = 0 THEN 20 + (v.n * 7) % 90 ELSE 0 END,
       now() - interval '2 years 1 month', now() - interval '2 years 1 month'
FROM (VALUES
    (1, 'BEV-001', 'Espresso beans 1 kg', 'Beverages', 18.90), (2, 'BEV-002', 'Green tea 50 bags', 'Beverages', 4.50),
    (3, 'BEV-003', 'Sparkling water 6 x 1.5 l', 'Beverages', 3.20), (4, 'BEV-004', 'Orange juice 1 l', 'Beverages', 2.60),
    (5, 'BEV-005', 'Cola 330 ml', 'Beverages', 1.10), (6, 'BEV-006', 'Red wine, house', 'Beverages', 8.90),
    (7, 'BEV-007', 'Pale ale 500 ml', 'Beverages', 2.40), (8, 'BEV-008', 'Oat drink 1 l', 'Beverages', 2.20),
    (9, 'BAK-001', 'Sourdough loaf', 'Bakery', 4.20), (10, 'BAK-002', 'Croissant', 'Bakery', 1.40),
    (11, 'BAK-003', 'Rye bread', 'Bakery', 3.60), (12, 'BAK-004', 'Cinnamon roll', 'Bakery', 2.10),
    (13, 'BAK-005', 'Baguette', 'Bakery', 1.90), (14, 'BAK-006', 'Apple pie slice', 'Bakery', 2.80),
    (15, 'DAI-001', 'Whole milk 1 l', 'Dairy', 1.30), (16, 'DAI-002', 'Greek yoghurt 500 g', 'Dairy', 2.90),
    (17, 'DAI-003', 'Butter 250 g', 'Dairy', 2.70), (18, 'DAI-004', 'Aged cheddar 200 g', 'Dairy', 4.80),
    (19, 'DAI-005', 'Free-range eggs x 10', 'Dairy', 3.90), (20, 'DAI-006', 'Mozzarella 125 g', 'Dairy', 1.60),
    (21, 'PRO-001', 'Bananas 1 kg', 'Produce', 1.80), (22, 'PRO-002', 'Apples 1 kg', 'Produce', 2.50),
    (23, 'PRO-003', 'Tomatoes 500 g', 'Produce', 2.20), (24, 'PRO-004', 'Avocado', 'Produce', 1.50),
    (25, 'PRO-005', 'Potatoes 2 kg', 'Produce', 2.90), (26, 'PRO-006', 'Lemons x 4', 'Produce', 1.70),
    (27, 'PRO-007', 'Spinach 250 g', 'Produce', 1.90), (28, 'PRO-008', 'Onions 1 kg', 'Produce', 1.40),
    (29, 'SNK-001', 'Dark chocolate 100 g', 'Snacks', 2.30), (30, 'SNK-002', 'Salted crisps 150 g', 'Snacks', 1.90),
    (31, 'SNK-003', 'Trail mix 200 g', 'Snacks', 3.40), (32, 'SNK-004', 'Oat biscuits', 'Snacks', 2.10),
    (33, 'SNK-005', 'Gummy bears 200 g', 'Snacks', 1.80), (34, 'SNK-006', 'Roasted almonds 150 g', 'Snacks', 3.90),
    (35, 'PAN-001', 'Spaghetti 500 g', 'Pantry', 1.20), (36, 'PAN-002', 'Basmati rice 1 kg', 'Pantry', 2.80),
    (37, 'PAN-003', 'Olive oil 750 ml', 'Pantry', 7.90), (38, 'PAN-004', 'Chopped tomatoes 400 g', 'Pantry', 0.90),
    (39, 'PAN-005', 'Honey 350 g', 'Pantry', 4.60), (40, 'PAN-006', 'Peanut butter 340 g', 'Pantry', 3.10),
    (41, 'PAN-007', 'Rolled oats 1 kg', 'Pantry', 1.90), (42, 'PAN-008', 'Sea salt 250 g', 'Pantry', 1.30),
    (43, 'HOU-001', 'Dish soap 500 ml', 'Household', 2.40), (44, 'HOU-002', 'Paper towels x 4', 'Household', 3.80),
    (45, 'HOU-003', 'Laundry liquid 1.5 l', 'Household', 8.50), (46, 'HOU-004', 'Bin bags x 20', 'Household', 2.90),
    (47, 'HOU-005', 'Sponges x 3', 'Household', 1.60), (48, 'HOU-006', 'Candles x 6', 'Household', 4.40),
    (49, 'HOU-007', 'Batteries AA x 4', 'Household', 5.20), (50, 'HOU-008', 'Light bulb LED', 'Household', 3.50)
) AS v (n, sku, name, category, price);

-- Customers: names from two lists; one in five may buy on credit.
INSERT INTO customers (name, email, phone, address, credit_allowed, credit_limit, created_at, updated_at)
SELECT f.name || ' ' || l.name,
       lower(f.name) || '.' || lower(l.name) || g % 7 || '@example.com',
       '+1 555 ' || lpad((1000 + g * 37 % 9000)::text, 4, '0') || lpad((g % 100)::text, 3, '0'),
       (10 + g % 190) || ' ' || (ARRAY['High Street', 'Mill Lane', 'Station Road', 'Church Way', 'Harbour Row'])[1 + g % 5],
       g % 5 = 0, CASE WHEN g % 5 = 0 THEN 200 + (g % 4) * 100 ELSE 0 END,
       now() - interval '2 years 1 month' + (g || ' hours')::interval,
       now() - interval '2 years 1 month' + (g || ' hours')::interval
FROM generate_series(1, 320) AS g
JOIN (SELECT row_number() OVER () - 1 AS i, name FROM unnest(ARRAY['Ada', 'Ben', 'Chloe', 'Dan', 'Eva', 'Finn', 'Grace',
      'Hugo', 'Iris', 'Jonas', 'Kira', 'Leo', 'Maya', 'Nils', 'Olga', 'Paul', 'Rosa', 'Sami', 'Tara', 'Umar']) AS name) f
  ON f.i = g % 20
JOIN (SELECT row_number() OVER () - 1 AS i, name FROM unnest(ARRAY['Andersen', 'Brooks', 'Costa', 'Dubois', 'Evans',
      'Fischer', 'Garcia', 'Horvat', 'Ito', 'Jensen', 'Kowalski', 'Lopez', 'Moreau', 'Novak', 'Okafor', 'Petrov']) AS name) l
  ON l.i = (g / 20) % 16;

CREATE TEMP TABLE demo_customers AS
SELECT row_number() OVER (ORDER BY id) AS n, id, name, credit_allowed FROM customers WHERE NOT is_system;
CREATE TEMP TABLE demo_items AS SELECT row_number() OVER (ORDER BY id) AS n, id, sku, name, price FROM items;

-- Two years of sales, opening hours 9 to 19, 8 to 27 orders a day; three in ten go to the walk-in customer.
INSERT INTO sales_orders (customer_id, customer_name, payment, total, created_at, created_by)
SELECT coalesce(c.id, w.id), coalesce(c.name, w.name),
       CASE WHEN c.credit_allowed AND o.ts > now() - interval '120 days' AND o.r < 0.5 THEN 'CREDIT'
            WHEN o.r < 0.45 THEN 'CASH' ELSE 'CARD' END,
       0, o.ts, (ARRAY['maria', 'tom', 'maria', 'admin'])[1 + floor(o.r * 4)::int]
FROM (
    SELECT day::date + make_interval(secs => 32400 + floor(random() * 36000)) AS ts,
           CASE WHEN random() < 0.3 THEN NULL ELSE 1 + floor(random() * 320)::int END AS pick,
           random() AS r
    FROM generate_series(current_date - 730, current_date - 1, interval '1 day') AS day
    CROSS JOIN LATERAL generate_series(1, 8 + floor(random() * 20 + 0 * extract(day FROM day))::int) AS n
) AS o
LEFT JOIN demo_customers c ON c.n = o.pick
CROSS JOIN (SELECT id, name FROM customers WHERE code = 'WALK-IN') AS w
ORDER BY o.ts;

-- One customer in sixteen stopped coming 13 to 19 months ago (their later visits were someone else's, at the
-- walk-in till): the dormant-customer review, a year back by default, finds them.
UPDATE sales_orders o SET customer_id = w.id, customer_name = w.name, payment = CASE WHEN o.payment = 'CREDIT' THEN 'CARD' ELSE o.payment END
FROM demo_customers c, (SELECT id, name FROM customers WHERE code = 'WALK-IN') AS w
WHERE o.customer_id = c.id AND c.n % 16 = 7 AND o.created_at > now() - ((395 + (c.n * 13) % 180) || ' days')::interval;

INSERT INTO sales_order_lines (order_id, line_no, item_id, sku, name, quantity, unit_price, discount, line_total)
SELECT p.order_id, p.line_no, i.id, i.sku, i.name, p.qty, i.price, 0, i.price * p.qty
FROM (
    SELECT o.id AS order_id, l.n AS line_no,
           1 + floor(random() * 50 + 0 * o.id)::int AS pick, 1 + floor(random() * 3 + 0 * l.n)::int AS qty
    FROM sales_orders o
    CROSS JOIN LATERAL generate_series(1, 1 + floor(random() * 4 + 0 * o.id)::int) AS l (n)
) AS p
JOIN demo_items i ON i.n = p.pick;

UPDATE sales_orders o SET total = s.total
FROM (SELECT order_id, sum(line_total) AS total FROM sales_order_lines GROUP BY order_id) AS s
WHERE s.order_id = o.id;

-- Credit customers owe what they bought on credit; their limit covers it.
UPDATE customers c SET balance = s.owed, credit_limit = greatest(c.credit_limit, ceil(s.owed / 100) * 100)
FROM (SELECT customer_id, sum(total) AS owed FROM sales_orders WHERE payment = 'CREDIT' GROUP BY customer_id) AS s
WHERE s.customer_id = c.id;

-- One in twelve customers went inactive a day after their last order.
UPDATE customers c
SET status = 'INACTIVE',
    status_reason = (ARRAY['Moved away', 'Closed their business', 'Asked us to stop contacting them'])[1 + c.id % 3],
    status_changed_at = least(now(), coalesce((SELECT max(o.created_at) FROM sales_orders o WHERE o.customer_id = c.id),
                                             c.created_at) + interval '1 day'),
    version = version + 1
WHERE NOT c.is_system AND c.id % 12 = 5;

-- A few never bought anything and were deleted recently: they are in the trash, restorable.
INSERT INTO customers (name, email, status, status_reason, status_changed_at, created_at, updated_at)
SELECT 'Duplicate entry ' || g, 'duplicate' || g || '@example.com', 'DELETED', 'Entered twice by mistake',
       now() - (g * 2 || ' days')::interval, now() - interval '40 days', now() - (g * 2 || ' days')::interval
FROM generate_series(1, 12) AS g;

-- Three items were discontinued: inactive, still on their old orders.
UPDATE items SET status = 'INACTIVE', status_reason = 'Discontinued by the supplier', status_changed_at = now() - interval '60 days',
                 version = version + 1
WHERE sku IN ('BEV-006', 'SNK-005', 'HOU-006');
