-- Sales orders keep snapshots (customer name, item sku, name and price) so that history never changes when a
-- master record changes later. Every reference is ON DELETE RESTRICT and indexed: "is it referenced?" is an
-- EXISTS probe on these indexes.
CREATE SEQUENCE sales_order_number_seq;

CREATE TABLE sales_orders (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number        text NOT NULL DEFAULT ('S' || lpad(nextval('sales_order_number_seq')::text, 7, '0')),
    customer_id   bigint NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    customer_name text NOT NULL,
    payment       text NOT NULL CHECK (payment IN ('CASH', 'CARD', 'CREDIT')),
    status        text NOT NULL DEFAULT 'COMPLETED' CHECK (status IN ('COMPLETED')),
    total         numeric(14, 2) NOT NULL CHECK (total >= 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL,
    CONSTRAINT sales_orders_number_unique UNIQUE (number)
);

-- A customer's orders, newest first, and their last order date.
CREATE INDEX sales_orders_by_customer ON sales_orders (customer_id, created_at DESC, id DESC);
-- Reports over a period, and the newest-first list of all orders.
CREATE INDEX sales_orders_by_created ON sales_orders (created_at, id);

CREATE TABLE sales_order_lines (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   bigint NOT NULL REFERENCES sales_orders (id) ON DELETE RESTRICT,
    line_no    integer NOT NULL CHECK (line_no > 0),
    item_id    bigint NOT NULL REFERENCES items (id) ON DELETE RESTRICT,
    sku        text NOT NULL,
    name       text NOT NULL,
    quantity   integer NOT NULL CHECK (quantity > 0),
    unit_price numeric(12, 2) NOT NULL CHECK (unit_price >= 0),
    discount   numeric(12, 2) NOT NULL DEFAULT 0 CHECK (discount >= 0),
    line_total numeric(14, 2) NOT NULL CHECK (line_total >= 0),
    CONSTRAINT sales_order_lines_position UNIQUE (order_id, line_no)
);

CREATE INDEX sales_order_lines_by_item ON sales_order_lines (item_id);
