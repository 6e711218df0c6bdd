-- Search at a million customers. A common three letters ("son", "012") match hundreds of thousands of
-- customers; sorting them all by name to show the first 20 or 50 took seconds. These name indexes carry the search
-- column, so a list or picker page walks the names in order, index only, testing each against the search, and
-- stops at the page's last row: the more common the match, the sooner. A rare search still goes through the
-- trigram GIN index (V1) and sorts its few matches; the planner picks by the estimate of how many match, which
-- the finer statistics below make good enough to tell the two apart.
CREATE INDEX customers_active_by_name_search ON customers (lower(name), id) INCLUDE (name, search, is_system)
    WHERE status = 'ACTIVE';
CREATE INDEX customers_listed_by_name_search ON customers (lower(name), id) INCLUDE (name, search)
    WHERE status <> 'DELETED';
CREATE INDEX customers_by_status_name_search ON customers (status, lower(name), id) INCLUDE (name, search);
-- name is included as well as lower(name): PostgreSQL answers lower(name) from an index only when it holds name.
-- They serve everything the indexes they replace served (lists without a search too).
DROP INDEX customers_active_by_name;
DROP INDEX customers_listed_by_name;
DROP INDEX customers_by_status_name;
-- The walk-in customer (and any other system record) comes first in the picker when it matches.
CREATE INDEX customers_system ON customers (id) WHERE is_system;

ALTER TABLE customers ALTER COLUMN search SET STATISTICS 1000;
ANALYZE customers;
