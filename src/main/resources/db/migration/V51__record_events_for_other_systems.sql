-- Events for a store's other systems: one row per lifecycle transition, merge, erasure, sale and purchase-order
-- move, written in the transaction that makes the change (events.EventLog). The payload carries no personal data.
-- seq is the event's place in commit order, given after commit by events.EventSequencer; readers follow it.
CREATE TABLE events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seq         bigint,
    type        text NOT NULL CHECK (type ~ '^[A-Z][A-Za-z]+$'),
    version     integer NOT NULL CHECK (version > 0),
    record_kind text NOT NULL,
    record_id   bigint NOT NULL,
    payload     jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
    at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_seq_unique UNIQUE (seq)
);

-- What the sequencer picks up: the few committed events not sequenced yet, in id order.
CREATE INDEX events_waiting ON events (id) WHERE seq IS NULL;
-- One record's events in order (erasure blanks their reasons; deliveries keep their order per record).
CREATE INDEX events_by_record ON events (record_kind, record_id, seq);
-- Replaying from a time.
CREATE INDEX events_by_time ON events (at);
