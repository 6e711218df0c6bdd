-- Codes and order numbers never run out. lpad() cuts a longer value to the width, so the old defaults made
-- customer 1,000,000 'C100000' (which exists: every later create was a 409) and sales order 10,000,000 'S1000000'.
-- Now a number is padded to its width while it fits and written in full when it does not: C999999, C1000000.
-- The longer codes never collide with the shorter ones (they differ in length), so no row needs to change.
CREATE FUNCTION numbered_code(prefix text, n bigint, width integer) RETURNS text
    LANGUAGE sql
    IMMUTABLE
    PARALLEL SAFE
AS $$
    SELECT prefix || CASE WHEN length(n::text) < width THEN lpad(n::text, width, '0') ELSE n::text END
$$;

ALTER TABLE customers ALTER COLUMN code SET DEFAULT numbered_code('C', nextval('customer_code_seq'), 6);
ALTER TABLE suppliers ALTER COLUMN code SET DEFAULT numbered_code('P', nextval('supplier_code_seq'), 6);
ALTER TABLE sales_orders ALTER COLUMN number SET DEFAULT numbered_code('S', nextval('sales_order_number_seq'), 7);
ALTER TABLE purchase_orders ALTER COLUMN number SET DEFAULT numbered_code('PO', nextval('purchase_order_number_seq'), 7);
