-- Webhooks: the endpoints a store's owner registers, and one delivery row per event and endpoint (webhooks module).
-- The secret signs every delivery (HMAC-SHA256), so it is kept as given; the API shows it once, on creation.
CREATE TABLE webhook_endpoints (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url         text NOT NULL CHECK (url ~ '^https?://'),
    -- NULL: every event type; otherwise the types this endpoint hears of.
    event_types text[],
    secret      text NOT NULL CHECK (length(secret) >= 16),
    active      boolean NOT NULL DEFAULT true,
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- How far the fan-out has read the event feed: one row, locked FOR UPDATE SKIP LOCKED by the instance fanning out.
CREATE TABLE webhook_fanout (
    id       boolean PRIMARY KEY DEFAULT true CHECK (id),
    last_seq bigint NOT NULL
);
INSERT INTO webhook_fanout (id, last_seq) VALUES (true, 0);

CREATE TABLE webhook_deliveries (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id      bigint NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id         bigint NOT NULL REFERENCES events (id) ON DELETE RESTRICT,
    event_seq        bigint NOT NULL,
    event_type       text NOT NULL,
    record_kind      text NOT NULL,
    record_id        bigint NOT NULL,
    -- event: fanned out as it happened; redeliver: asked for one event again; replay: part of a replayed range.
    cause            text NOT NULL CHECK (cause IN ('event', 'redeliver', 'replay')),
    status           text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    give_up_at       timestamptz NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    last_status_code integer,
    last_error       text,
    last_duration_ms integer,
    CHECK ((status = 'PENDING') = (next_attempt_at IS NOT NULL))
);

-- The endpoint's delivery log, newest first.
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (endpoint_id, id);
-- What the dispatcher claims: pending deliveries whose time has come.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
-- Order per record: a pending delivery waits while an earlier one of its record at its endpoint is pending.
CREATE INDEX webhook_deliveries_per_record ON webhook_deliveries (endpoint_id, record_kind, record_id, event_seq, id)
    WHERE status = 'PENDING';
-- The event a delivery sends (the foreign key's index).
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);

-- webhooks.manage: who registers endpoints and reads their delivery log. The owner holds every permission.
INSERT INTO role_permissions (role_id, permission)
SELECT id, 'webhooks.manage' FROM roles WHERE name = 'Owner' AND built_in
ON CONFLICT DO NOTHING;
