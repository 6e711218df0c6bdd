-- Items (products): master records with the shared lifecycle columns.
CREATE TABLE items (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku               text NOT NULL CHECK (length(sku) BETWEEN 1 AND 64),
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description       text,
    barcode           text,
    category          text,
    price             numeric(12, 2) NOT NULL CHECK (price >= 0),
    cost              numeric(12, 2) CHECK (cost >= 0),
    track_stock       boolean NOT NULL DEFAULT false,
    stock_on_hand     integer NOT NULL DEFAULT 0,
    is_system         boolean NOT NULL DEFAULT false,
    status            text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE', 'DELETED')),
    status_reason     text,
    status_changed_at timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           bigint NOT NULL DEFAULT 0,
    search            text GENERATED ALWAYS AS (
                          lower(sku || ' ' || name || ' ' || coalesce(barcode, ''))
                      ) STORED,
    -- Unique among records not purged: a purged row is gone, so its SKU is free again.
    CONSTRAINT items_sku_unique UNIQUE (sku),
    CONSTRAINT items_barcode_unique UNIQUE (barcode)
);

CREATE INDEX items_active_by_name ON items (lower(name), id) WHERE status = 'ACTIVE';
CREATE INDEX items_listed_by_name ON items (lower(name), id) WHERE status <> 'DELETED';
CREATE INDEX items_by_status_name ON items (status, lower(name), id);
CREATE INDEX items_search_active ON items USING gin (search gin_trgm_ops) WHERE status = 'ACTIVE';
CREATE INDEX items_search ON items USING gin (search gin_trgm_ops);
CREATE INDEX items_trash ON items (status_changed_at) WHERE status = 'DELETED';
