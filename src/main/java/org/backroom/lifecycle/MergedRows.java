package org.backroom.lifecycle;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Arrays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The row work of a merge that is the same for every kind whose table has {@code merged_into}: locks in id order,
 * a snapshot of a row as JSON and its exact restore, the survivor taking chosen columns from a duplicate's
 * snapshot, and the merge link. The owning feature calls it for its own kind, in the caller's transaction, and
 * keeps what is its own (a balance, stock on hand).
 */
@Service
public class MergedRows {

	private final JdbcClient jdbc;

	MergedRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks every named record FOR UPDATE, in id order (the one lock order). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lock(RecordKind kind, Set<Long> ids) {
		ids.stream().sorted(Comparator.naturalOrder()).forEach(id -> jdbc.sql("SELECT id FROM " + kind.table()
				+ " WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional());
	}

	/** The whole row as it is now, as JSON without the generated search text: what {@link #restore} puts back. */
	@Transactional(propagation = Propagation.MANDATORY)
	public String snapshot(RecordKind kind, long id) {
		return jdbc.sql("SELECT (to_jsonb(r) - 'search')::text FROM " + kind.table() + " r WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	/** Whether the row is as in this snapshot, but for the named columns (those that may move on their own). */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean unchangedSince(RecordKind kind, long id, String snapshot, String... except) {
		String minus = String.join("", Arrays.stream(except).map(column -> " - '" + column + "'").toList());
		return jdbc.sql("SELECT (to_jsonb(r) - 'search'" + minus + ") = (?::jsonb" + minus + ") FROM " + kind.table()
				+ " r WHERE id = ?")
			.params(snapshot, id)
			.query(Boolean.class)
			.single();
	}

	/** How many records were merged into this one: a record others point to is not merged itself (no chains). */
	@Transactional(propagation = Propagation.MANDATORY)
	public long mergedIntoIt(RecordKind kind, long id) {
		return jdbc.sql("SELECT count(*) FROM " + kind.table() + " WHERE merged_into = ?").param(id)
			.query(Long.class).single();
	}

	/** This record and those merged into it: "all its orders" through the merge link. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> withMerged(RecordKind kind, long id) {
		return jdbc.sql("SELECT ? UNION ALL SELECT id FROM " + kind.table() + " WHERE merged_into = ?")
			.params(id, id)
			.query(Long.class)
			.list();
	}

	/**
	 * The survivor takes these columns (column name by API field) from the duplicate as its snapshot has them: the
	 * snapshot, not the live row, so that the caller may first clear a unique value (a barcode) on the duplicate.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void take(RecordKind kind, long survivorId, String duplicateSnapshot, Map<String, String> columns) {
		String taken = columns.values().stream().map(column -> column + " = d." + column)
			.collect(Collectors.joining(", "));
		jdbc.sql("UPDATE " + kind.table() + " s SET " + (taken.isEmpty() ? "" : taken + ", ")
				+ "version = s.version + 1, updated_at = now() FROM jsonb_populate_record(NULL::" + kind.table()
				+ ", ?::jsonb) d WHERE s.id = ?")
			.params(duplicateSnapshot, survivorId)
			.update();
	}

	/**
	 * Puts a row back exactly as its snapshot says, every column the table has (those another feature adds later
	 * too), except its id and generated columns.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void restore(RecordKind kind, long id, String snapshot) {
		List<String> columns = jdbc.sql("""
				SELECT column_name FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = ?
				  AND is_generated = 'NEVER' AND column_name <> 'id' ORDER BY ordinal_position""")
			.param(kind.table())
			.query(String.class)
			.list();
		String list = String.join(", ", columns);
		jdbc.sql("UPDATE " + kind.table() + " SET (" + list + ") = (SELECT " + list + " FROM jsonb_populate_record(NULL::"
				+ kind.table() + ", ?::jsonb)) WHERE id = ?")
			.params(snapshot, id)
			.update();
	}

}
