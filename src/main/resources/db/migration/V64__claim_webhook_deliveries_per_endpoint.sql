-- The dispatcher claims due deliveries endpoint by endpoint (webhooks module): each active endpoint's due ones are
-- read in order from this index and stop at the claim's size. Claimed from one index of every pending delivery,
-- the poll read, every second, all that a paused endpoint had pending (they wait for it to resume): 20,000 rows
-- for 8 claimed.
CREATE INDEX webhook_deliveries_due_per_endpoint ON webhook_deliveries (endpoint_id, next_attempt_at, id)
    WHERE status = 'PENDING';
DROP INDEX webhook_deliveries_due;
