-- Purchase orders keep snapshots (supplier name, item sku and name) so that an order reads the same whatever
-- happens to its supplier or items later. Every reference is ON DELETE RESTRICT and indexed: "is it
-- referenced?" is an EXISTS probe on these indexes.
CREATE SEQUENCE purchase_order_number_seq;

CREATE TABLE purchase_orders (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number        text NOT NULL DEFAULT ('PO' || lpad(nextval('purchase_order_number_seq')::text, 7, '0')),
    supplier_id   bigint NOT NULL REFERENCES suppliers (id) ON DELETE RESTRICT,
    supplier_name text NOT NULL,
    status        text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ORDERED', 'RECEIVED', 'CANCELLED')),
    total         numeric(14, 2) NOT NULL CHECK (total >= 0),
    -- What receiving had to say, kept with the order: items or a supplier that were inactive when the goods came.
    warnings      text[] NOT NULL DEFAULT '{}',
    cancel_reason text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL,
    ordered_at    timestamptz,
    received_at   timestamptz,
    cancelled_at  timestamptz,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       bigint NOT NULL DEFAULT 0,
    CONSTRAINT purchase_orders_number_unique UNIQUE (number),
    -- Each moment is set exactly when the order has reached it, so no order can claim a receipt it never had.
    -- (a cancelled order may have been ordered or not).
    CONSTRAINT purchase_orders_ordered_at CHECK (CASE status WHEN 'DRAFT' THEN ordered_at IS NULL
                                                              WHEN 'CANCELLED' THEN true
                                                              ELSE ordered_at IS NOT NULL END),
    CONSTRAINT purchase_orders_received_at CHECK ((received_at IS NOT NULL) = (status = 'RECEIVED')),
    CONSTRAINT purchase_orders_cancelled_at CHECK ((cancelled_at IS NOT NULL) = (status = 'CANCELLED'))
);

-- A supplier's orders newest first (and the supplier's dependents probe); the list filtered by status; all
-- orders newest first and reports over a period.
CREATE INDEX purchase_orders_by_supplier ON purchase_orders (supplier_id, created_at DESC, id DESC);
CREATE INDEX purchase_orders_by_status ON purchase_orders (status, created_at DESC, id DESC);
CREATE INDEX purchase_orders_by_created ON purchase_orders (created_at, id);

CREATE TABLE purchase_order_lines (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   bigint NOT NULL REFERENCES purchase_orders (id) ON DELETE RESTRICT,
    line_no    integer NOT NULL CHECK (line_no > 0),
    item_id    bigint NOT NULL REFERENCES items (id) ON DELETE RESTRICT,
    sku        text NOT NULL,
    name       text NOT NULL,
    quantity   integer NOT NULL CHECK (quantity > 0),
    unit_cost  numeric(12, 2) NOT NULL CHECK (unit_cost >= 0),
    line_total numeric(14, 2) NOT NULL CHECK (line_total >= 0),
    -- Also the index of the order_id foreign key.
    CONSTRAINT purchase_order_lines_position UNIQUE (order_id, line_no)
);

-- The item's dependents probe ("is it on any purchase order line?").
CREATE INDEX purchase_order_lines_by_item ON purchase_order_lines (item_id);
