-- Suppliers: master records with the shared lifecycle columns (status, status_reason, status_changed_at,
-- is_system, version, updated_at) that lifecycle/ relies on. Lists and search work like customers (V1).
CREATE SEQUENCE supplier_code_seq;

CREATE TABLE suppliers (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code              text NOT NULL DEFAULT ('P' || lpad(nextval('supplier_code_seq')::text, 6, '0')),
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    contact_name      text,
    email             text,
    phone             text,
    address           text,
    tax_number        text,
    payment_terms     text,
    notes             text,
    -- No supplier is a system record today; the column is part of the lifecycle's contract.
    is_system         boolean NOT NULL DEFAULT false,
    status            text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE', 'DELETED')),
    status_reason     text,
    status_changed_at timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           bigint NOT NULL DEFAULT 0,
    -- What the search box matches: name, code, contact, email and phone, case-insensitive.
    search            text GENERATED ALWAYS AS (
                          lower(name || ' ' || code || ' ' || coalesce(contact_name, '') || ' '
                                || coalesce(email, '') || ' ' || coalesce(phone, ''))
                      ) STORED,
    CONSTRAINT suppliers_code_unique UNIQUE (code)
);

-- Lists page by (lower(name), id); one index per status filter so that no list sorts or scans the table.
CREATE INDEX suppliers_active_by_name ON suppliers (lower(name), id) WHERE status = 'ACTIVE';
CREATE INDEX suppliers_listed_by_name ON suppliers (lower(name), id) WHERE status <> 'DELETED';
CREATE INDEX suppliers_by_status_name ON suppliers (status, lower(name), id);
-- Substring search: trigram GIN, a smaller one over active rows for pickers and the default list.
CREATE INDEX suppliers_search_active ON suppliers USING gin (search gin_trgm_ops) WHERE status = 'ACTIVE';
CREATE INDEX suppliers_search ON suppliers USING gin (search gin_trgm_ops);
-- The nightly purge finds expired trash without scanning.
CREATE INDEX suppliers_trash ON suppliers (status_changed_at) WHERE status = 'DELETED';
