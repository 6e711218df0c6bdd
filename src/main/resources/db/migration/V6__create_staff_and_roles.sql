-- Staff users, their roles and permissions, and personal API tokens. Roles are data: an owner clones and edits
-- them; the built-in four are seeded here.
CREATE TABLE roles (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    description text,
    built_in    boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint NOT NULL DEFAULT 0,
    CONSTRAINT roles_name_unique UNIQUE (name)
);

CREATE TABLE role_permissions (
    role_id    bigint NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    permission text NOT NULL,
    PRIMARY KEY (role_id, permission)
);

CREATE TABLE staff (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username          text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
    display_name      text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
    email             text,
    password_hash     text NOT NULL,
    is_system         boolean NOT NULL DEFAULT false,
    status            text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE', 'DELETED')),
    status_reason     text,
    status_changed_at timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           bigint NOT NULL DEFAULT 0,
    search            text GENERATED ALWAYS AS (
                          lower(username || ' ' || display_name || ' ' || coalesce(email, ''))
                      ) STORED,
    CONSTRAINT staff_username_unique UNIQUE (username)
);

CREATE INDEX staff_active_by_name ON staff (lower(display_name), id) WHERE status = 'ACTIVE';
CREATE INDEX staff_listed_by_name ON staff (lower(display_name), id) WHERE status <> 'DELETED';
CREATE INDEX staff_by_status_name ON staff (status, lower(display_name), id);
CREATE INDEX staff_search ON staff USING gin (search gin_trgm_ops);
CREATE INDEX staff_trash ON staff (status_changed_at) WHERE status = 'DELETED';

-- A role in use cannot be deleted (RESTRICT); a purged staff user's role links go with them (CASCADE).
CREATE TABLE staff_roles (
    staff_id bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    role_id  bigint NOT NULL REFERENCES roles (id) ON DELETE RESTRICT,
    PRIMARY KEY (staff_id, role_id)
);
CREATE INDEX staff_roles_by_role ON staff_roles (role_id);

-- Personal API tokens: only a SHA-256 of the secret is kept, so a leaked table yields no usable token.
CREATE TABLE api_tokens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id     bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash   bytea NOT NULL,
    prefix       text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    CONSTRAINT api_tokens_hash_unique UNIQUE (token_hash)
);
CREATE INDEX api_tokens_by_staff ON api_tokens (staff_id, id);

-- Who processed a sale: a staff user who did so can be deactivated, never deleted.
ALTER TABLE sales_orders ADD COLUMN processed_by bigint REFERENCES staff (id) ON DELETE RESTRICT;
CREATE INDEX sales_orders_by_staff ON sales_orders (processed_by);

INSERT INTO roles (name, description, built_in) VALUES
    ('Owner', 'Everything, including roles, settings and purges', true),
    ('Manager', 'Customers, items, suppliers, purchasing, approvals and reports', true),
    ('Cashier', 'Sells; looks customers and items up; creates customers', true),
    ('Auditor', 'Reads everything, audit trail included; changes nothing', true);

WITH kinds (kind) AS (VALUES ('customer'), ('item'), ('supplier'), ('staff')),
     verbs (verb) AS (VALUES ('view'), ('create'), ('edit'), ('deactivate'), ('reactivate'), ('delete'), ('restore'), ('purge')),
     catalogue (permission) AS (
         SELECT kind || '.' || verb FROM kinds, verbs
         UNION ALL
         SELECT unnest(ARRAY['sales.view', 'sales.create', 'purchasing.view', 'purchasing.create', 'purchasing.order',
                             'purchasing.receive', 'purchasing.cancel', 'approval.decide', 'audit.view', 'report.view',
                             'bulk.run', 'staff.manage', 'role.manage', 'settings.manage'])
     )
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, c.permission FROM roles r, catalogue c
WHERE r.name = 'Owner'
   OR (r.name = 'Manager' AND (c.permission ~ '^(customer|item|supplier)\.' AND c.permission !~ '\.purge$'
                               OR c.permission ~ '^(sales|purchasing)\.'
                               OR c.permission IN ('approval.decide', 'report.view', 'audit.view', 'staff.view', 'bulk.run')))
   OR (r.name = 'Cashier' AND c.permission IN ('sales.view', 'sales.create', 'customer.view', 'customer.create', 'item.view'))
   OR (r.name = 'Auditor' AND (c.permission ~ '\.view$'));
