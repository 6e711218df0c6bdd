-- Items are searched as customers are (V18_1): a page of a list or a picker walks the names of its status filter
-- in order, index only, and stops at the page's end, or, when matches are rare, takes the trigram index
-- (RecordQueries#matches). The name indexes carry the search column for that; they serve everything the ones they
-- replace served.
CREATE INDEX items_active_by_name_search ON items (lower(name), id) INCLUDE (name, search) WHERE status = 'ACTIVE';
CREATE INDEX items_listed_by_name_search ON items (lower(name), id) INCLUDE (name, search) WHERE status <> 'DELETED';
CREATE INDEX items_by_status_name_search ON items (status, lower(name), id) INCLUDE (name, search);
DROP INDEX items_active_by_name;
DROP INDEX items_listed_by_name;
DROP INDEX items_by_status_name;

ALTER TABLE items ALTER COLUMN search SET STATISTICS 1000;
ANALYZE items;
