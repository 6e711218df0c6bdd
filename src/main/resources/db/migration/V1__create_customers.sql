-- Customers: master records with the shared lifecycle columns (status, status_reason, status_changed_at,
-- is_system, version, updated_at) that lifecycle/ relies on.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE SEQUENCE customer_code_seq;

CREATE TABLE customers (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code              text NOT NULL DEFAULT ('C' || lpad(nextval('customer_code_seq')::text, 6, '0')),
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email             text,
    phone             text,
    address           text,
    tax_number        text,
    notes             text,
    credit_allowed    boolean NOT NULL DEFAULT false,
    credit_limit      numeric(12, 2) NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
    balance           numeric(12, 2) NOT NULL DEFAULT 0,
    is_system         boolean NOT NULL DEFAULT false,
    status            text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE', 'DELETED')),
    status_reason     text,
    status_changed_at timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           bigint NOT NULL DEFAULT 0,
    -- What the search box matches: name, code, email and phone, case-insensitive.
    search            text GENERATED ALWAYS AS (
                          lower(name || ' ' || code || ' ' || coalesce(email, '') || ' ' || coalesce(phone, ''))
                      ) STORED,
    CONSTRAINT customers_code_unique UNIQUE (code),
    CONSTRAINT customers_system_stays_active CHECK (NOT is_system OR status = 'ACTIVE')
);

-- Lists page by (lower(name), id); one index per status filter so that no list sorts or scans the table.
CREATE INDEX customers_active_by_name ON customers (lower(name), id) WHERE status = 'ACTIVE';
CREATE INDEX customers_listed_by_name ON customers (lower(name), id) WHERE status <> 'DELETED';
CREATE INDEX customers_by_status_name ON customers (status, lower(name), id);
-- Substring search: trigram GIN, a smaller one over active rows for pickers and the default list.
CREATE INDEX customers_search_active ON customers USING gin (search gin_trgm_ops) WHERE status = 'ACTIVE';
CREATE INDEX customers_search ON customers USING gin (search gin_trgm_ops);
-- The nightly purge finds expired trash without scanning.
CREATE INDEX customers_trash ON customers (status_changed_at) WHERE status = 'DELETED';

INSERT INTO customers (code, name, notes, is_system)
VALUES ('WALK-IN', 'Walk-in customer', 'The customer of every sale that names none.', true);
