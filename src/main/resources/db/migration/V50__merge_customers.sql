-- Merging duplicate customers without rewriting history: a merged customer keeps its row, its orders keep their
-- customer_id, and the row points to the survivor it was folded into.
ALTER TABLE customers DROP CONSTRAINT customers_status_check;
-- ERASED is listed too, so that erasure (a status of its own) and merge can land in either order.
ALTER TABLE customers ADD CONSTRAINT customers_status_known
    CHECK (status IN ('ACTIVE', 'INACTIVE', 'DELETED', 'MERGED', 'ERASED'));
ALTER TABLE customers ADD COLUMN merged_into bigint REFERENCES customers (id) ON DELETE RESTRICT;
ALTER TABLE customers ADD CONSTRAINT customers_merged_points_to_survivor
    CHECK ((status = 'MERGED') = (merged_into IS NOT NULL) AND merged_into IS DISTINCT FROM id);
-- "All orders of the survivor" and "is anything merged into it?" start from the survivor.
CREATE INDEX customers_merged_into ON customers (merged_into) WHERE merged_into IS NOT NULL;

-- Duplicate finding: each probe is an index lookup per customer, never a comparison of every pair.
CREATE INDEX customers_duplicate_email ON customers (lower(email))
    WHERE status = 'ACTIVE' AND email IS NOT NULL;
CREATE INDEX customers_duplicate_phone ON customers ((regexp_replace(phone, '\D', '', 'g')))
    WHERE status = 'ACTIVE' AND phone IS NOT NULL;
CREATE INDEX customers_duplicate_tax_number ON customers ((upper(regexp_replace(tax_number, '\s', '', 'g'))))
    WHERE status = 'ACTIVE' AND tax_number IS NOT NULL;
CREATE INDEX customers_duplicate_name ON customers USING gist (lower(name) gist_trgm_ops)
    WHERE status = 'ACTIVE';

-- "Not a duplicate", for good: one row per pair, the smaller id first.
CREATE TABLE customer_duplicate_dismissals (
    low_id       bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    high_id      bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    reason       text NOT NULL,
    dismissed_by text NOT NULL,
    dismissed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (low_id, high_id),
    CHECK (low_id < high_id)
);

-- One merge of one duplicate into its survivor: what both rows were before (for unmerge), what the survivor was
-- right after (unmerge is refused once it changed), and the balance that moved. A merge waiting for approval has no snapshots yet. An unmerge removes the
-- row; the audit trail keeps both entries.
CREATE TABLE customer_merges (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id          bigint,
    survivor_id         bigint NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    duplicate_id        bigint NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
    status              text NOT NULL CHECK (status IN ('PENDING_APPROVAL', 'DONE', 'REJECTED')),
    fields              jsonb NOT NULL DEFAULT '{}',
    reason              text NOT NULL,
    requested_by        text NOT NULL,
    requested_at        timestamptz NOT NULL DEFAULT now(),
    merged_at           timestamptz,
    duplicate_before    jsonb,
    survivor_before     jsonb,
    survivor_after      jsonb,
    balance_moved       numeric(12, 2)
);
CREATE INDEX customer_merges_by_duplicate ON customer_merges (duplicate_id);
CREATE INDEX customer_merges_by_survivor ON customer_merges (survivor_id, id);
CREATE INDEX customer_merges_by_request ON customer_merges (request_id);

INSERT INTO role_permissions (role_id, permission)
SELECT id, 'customer.merge' FROM roles WHERE name IN ('Owner', 'Manager')
ON CONFLICT DO NOTHING;
