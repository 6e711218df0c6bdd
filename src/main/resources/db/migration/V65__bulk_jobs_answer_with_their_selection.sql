-- What a job's answer shows of its criteria: a job given ids says how many (idCount) instead of which. A page that
-- watches a job asks for it every second, and a job of 100,000 ids read, parsed and sent them each time (800 kB,
-- 40 ms of the server's time per poll at a million customers). Kept by PostgreSQL from the criteria, so no write can
-- forget it, and small enough to stay in the row: reading it never decompresses the ids.
ALTER TABLE bulk_jobs ADD COLUMN selection jsonb NOT NULL GENERATED ALWAYS AS (
    CASE WHEN jsonb_typeof(criteria -> 'ids') = 'array'
         THEN (criteria - 'ids') || CAST('{"idCount": ' || CAST(jsonb_array_length(criteria -> 'ids') AS text) || '}' AS jsonb)
         ELSE criteria END) STORED;
