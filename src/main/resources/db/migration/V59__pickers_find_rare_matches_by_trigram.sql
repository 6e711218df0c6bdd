-- Any few active records of a table that contain a pattern, for a picker whose name walk found fewer than a page
-- (lifecycle/RecordQueries#pickerMatches). Inside one statement with LIMIT, the planner judged a rare pattern (five
-- digits of a phone: 60 of a million customers) common enough to read the table in id order until a page of matches
-- turned up: 170 ms, the whole table. Here it can only read the trigram index (its bitmap holds every match, read
-- from the posting lists, and the heap stops at the page), and plans each call with the pattern itself: 1 ms for
-- those 60, 11 ms for a pattern that 38,000 contain.
-- table_name and active_condition come from the application's own code, never from what was typed.
CREATE FUNCTION picker_matches(table_name regclass, active_condition text, pattern text, page integer)
    RETURNS TABLE (id bigint, sort_key text)
    LANGUAGE plpgsql STABLE
    SET enable_seqscan = off
    SET enable_indexscan = off
    SET enable_indexonlyscan = off
AS $$
BEGIN
    RETURN QUERY EXECUTE format('SELECT id, lower(name) FROM %s WHERE %s AND search LIKE $1 LIMIT $2',
                                table_name, active_condition)
        USING pattern, page;
END
$$;
