-- The demo store's staff: a manager, two cashiers and an auditor (passwords in the README), and who processed
-- each demo order. The owner account 'admin' exists already: Backroom creates it on first start.
INSERT INTO staff (username, display_name, email, password_hash, created_at, updated_at) VALUES
    ('nora', 'Nora Lindqvist', 'nora@example.com', '{bcrypt}$2a$10$0mY5nkQj3GHOwGvHMqSRbeONKrBguxe6Nj/e.ownsg9/s/zEg2NQC', now() - interval '2 years', now() - interval '2 years'),
    ('maria', 'Maria Santos', 'maria@example.com', '{bcrypt}$2a$10$M2vXq1hI6Ct5Gj09mUYkZ.uoE.qYXZDUu6P0nBqEhZaZaoNiflToy', now() - interval '2 years', now() - interval '2 years'),
    ('tom', 'Tom Becker', 'tom@example.com', '{bcrypt}$2a$10$M2vXq1hI6Ct5Gj09mUYkZ.uoE.qYXZDUu6P0nBqEhZaZaoNiflToy', now() - interval '2 years', now() - interval '2 years'),
    ('audrey', 'Audrey Chen', 'audrey@example.com', '{bcrypt}$2a$10$46IloJ0Yqf2VND/h2NyeuumysXaxp4P/cchu4ITKagJaB.p/TWIZ2', now() - interval '1 year', now() - interval '1 year');

INSERT INTO staff_roles (staff_id, role_id)
SELECT s.id, r.id FROM staff s JOIN roles r ON r.name = CASE s.username
    WHEN 'nora' THEN 'Manager' WHEN 'maria' THEN 'Cashier' WHEN 'tom' THEN 'Cashier' WHEN 'audrey' THEN 'Auditor' END
WHERE s.username IN ('nora', 'maria', 'tom', 'audrey');

UPDATE sales_orders o SET processed_by = s.id FROM staff s WHERE s.username = o.created_by;
UPDATE sales_orders SET processed_by = (SELECT id FROM staff WHERE username = 'admin'), created_by = 'admin'
WHERE processed_by IS NULL;

UPDATE purchase_orders o SET processed_by = s.id FROM staff s WHERE s.username = o.created_by;
UPDATE purchase_orders SET processed_by = (SELECT id FROM staff WHERE username = 'nora'), created_by = 'nora'
WHERE processed_by IS NULL;
