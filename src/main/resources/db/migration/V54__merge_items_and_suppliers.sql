-- Merging duplicate items and suppliers as customers are merged (V50): a merged record keeps its row, its order
-- lines and purchase orders keep their item_id and supplier_id, and the row points to its survivor.
ALTER TABLE items DROP CONSTRAINT items_status_check;
ALTER TABLE items ADD CONSTRAINT items_status_known CHECK (status IN ('ACTIVE', 'INACTIVE', 'DELETED', 'MERGED'));
ALTER TABLE items ADD COLUMN merged_into bigint REFERENCES items (id) ON DELETE RESTRICT;
ALTER TABLE items ADD CONSTRAINT items_merged_points_to_survivor
    CHECK ((status = 'MERGED') = (merged_into IS NOT NULL) AND merged_into IS DISTINCT FROM id);
CREATE INDEX items_merged_into ON items (merged_into) WHERE merged_into IS NOT NULL;

ALTER TABLE suppliers DROP CONSTRAINT suppliers_status_check;
ALTER TABLE suppliers ADD CONSTRAINT suppliers_status_known
    CHECK (status IN ('ACTIVE', 'INACTIVE', 'DELETED', 'MERGED'));
ALTER TABLE suppliers ADD COLUMN merged_into bigint REFERENCES suppliers (id) ON DELETE RESTRICT;
ALTER TABLE suppliers ADD CONSTRAINT suppliers_merged_points_to_survivor
    CHECK ((status = 'MERGED') = (merged_into IS NOT NULL) AND merged_into IS DISTINCT FROM id);
CREATE INDEX suppliers_merged_into ON suppliers (merged_into) WHERE merged_into IS NOT NULL;

-- Duplicate finding, one index lookup per record: a barcode compared by its digits without leading zeros (an
-- EAN-13 and the UPC-A it extends are one product), a tax number without spaces and case, names by trigrams.
CREATE INDEX items_duplicate_barcode ON items ((ltrim(regexp_replace(barcode, '\D', '', 'g'), '0')))
    WHERE status = 'ACTIVE' AND barcode IS NOT NULL;
CREATE INDEX items_duplicate_name ON items USING gist (lower(name) gist_trgm_ops) WHERE status = 'ACTIVE';
CREATE INDEX suppliers_duplicate_tax_number ON suppliers ((upper(regexp_replace(tax_number, '\s', '', 'g'))))
    WHERE status = 'ACTIVE' AND tax_number IS NOT NULL;
CREATE INDEX suppliers_duplicate_name ON suppliers USING gist (lower(name) gist_trgm_ops) WHERE status = 'ACTIVE';

CREATE TABLE item_duplicate_dismissals (
    low_id       bigint NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    high_id      bigint NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    reason       text NOT NULL,
    dismissed_by text NOT NULL,
    dismissed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (low_id, high_id),
    CHECK (low_id < high_id)
);

CREATE TABLE supplier_duplicate_dismissals (
    low_id       bigint NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    high_id      bigint NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,
    reason       text NOT NULL,
    dismissed_by text NOT NULL,
    dismissed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (low_id, high_id),
    CHECK (low_id < high_id)
);

-- One merge of one duplicate, as customer_merges: balance_moved is, for an item, the stock the recorded
-- adjustment moved to the survivor, and zero for a supplier.
CREATE TABLE item_merges (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id          bigint,
    survivor_id         bigint NOT NULL REFERENCES items (id) ON DELETE RESTRICT,
    duplicate_id        bigint NOT NULL REFERENCES items (id) ON DELETE RESTRICT,
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
CREATE INDEX item_merges_by_duplicate ON item_merges (duplicate_id);
CREATE INDEX item_merges_by_survivor ON item_merges (survivor_id, id);
CREATE INDEX item_merges_by_request ON item_merges (request_id);

CREATE TABLE supplier_merges (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id          bigint,
    survivor_id         bigint NOT NULL REFERENCES suppliers (id) ON DELETE RESTRICT,
    duplicate_id        bigint NOT NULL REFERENCES suppliers (id) ON DELETE RESTRICT,
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
CREATE INDEX supplier_merges_by_duplicate ON supplier_merges (duplicate_id);
CREATE INDEX supplier_merges_by_survivor ON supplier_merges (survivor_id, id);
CREATE INDEX supplier_merges_by_request ON supplier_merges (request_id);

INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r CROSS JOIN (VALUES ('item.merge'), ('supplier.merge')) AS p (permission)
WHERE r.name IN ('Owner', 'Manager')
ON CONFLICT DO NOTHING;
