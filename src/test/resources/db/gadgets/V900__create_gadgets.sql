-- A kind of record that exists only in NewRecordKindTests: the lifecycle columns, a name, and loans that point to it.
CREATE TABLE gadgets (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              text NOT NULL,
    is_system         boolean NOT NULL DEFAULT false,
    status            text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE', 'DELETED')),
    status_reason     text,
    status_changed_at timestamptz,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           bigint NOT NULL DEFAULT 0
);

CREATE TABLE gadget_loans (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gadget_id bigint NOT NULL REFERENCES gadgets (id) ON DELETE RESTRICT
);
CREATE INDEX gadget_loans_by_gadget ON gadget_loans (gadget_id);
