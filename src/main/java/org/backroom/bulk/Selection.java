package org.backroom.bulk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.backroom.lifecycle.RecordKind;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL that chooses a job's records and reads their facts, set-based: one query per preview or batch, whatever
 * its size. What may point to a record comes from the lifecycle's own registry ({@link RecordKind#dependents()}).
 */
@Repository
class Selection {

	// The probes run on the indexes of V10: orders by customer and time, lines by order.
	private static final String DORMANT_CUSTOMERS = """
			SELECT c.id FROM customers c
			WHERE c.status = 'ACTIVE' AND NOT c.is_system
			  AND NOT EXISTS (SELECT 1 FROM sales_orders o WHERE o.customer_id = c.id AND o.created_at >= :since)
			ORDER BY c.id""";

	// The items sold or bought since the date are few next to the history: collected once, then left out.
	private static final String IDLE_ITEMS = """
			SELECT i.id FROM items i
			WHERE i.status = 'ACTIVE' AND NOT i.is_system
			  AND i.id NOT IN (SELECT l.item_id FROM sales_orders o JOIN sales_order_lines l ON l.order_id = o.id
			                   WHERE o.created_at >= :since)
			  AND i.id NOT IN (SELECT l.item_id FROM purchase_orders o JOIN purchase_order_lines l ON l.order_id = o.id
			                   WHERE o.created_at >= :since)
			ORDER BY i.id""";

	private final JdbcClient jdbc;

	Selection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Active customers with no sale since the day (or never), or active items neither sold nor bought since. */
	List<Long> idleSince(String recordKind, LocalDate since) {
		return jdbc.sql(recordKind.equals("customer") ? DORMANT_CUSTOMERS : IDLE_ITEMS)
			.param("since", since.atStartOfDay().atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.list();
	}

	/**
	 * The facts of each id, in id order; ids that name no record come back as not found. A batch's few rows are read
	 * by their primary key ({@code id = ANY}): joined to the ids as a set, the planner hashed a scan of the whole
	 * table (50 ms a batch of 1,000 at 100,000 customers) where 1,000 index probes take 2. A preview's many ids are
	 * joined as a set, which is then the cheap way.
	 *
	 * @param cutoff activity at or after it makes a clean-up skip the record; null for an undo
	 */
	List<RecordFacts> facts(RecordKind kind, BulkAction action, Collection<Long> ids, @Nullable Instant cutoff) {
		boolean few = ids.size() <= BY_KEY_UP_TO;
		String row = few ? "t.id" : "r.id";
		String activity = cutoff == null || !action.cleansUp() ? "false" : activity(kind.name(), row);
		String sql = "SELECT " + row + " AS id, t.id IS NOT NULL AS found, t.status,"
				+ " coalesce(t.is_system, false) AS is_system,"
				+ " coalesce(" + (kind.name().equals("customer") ? "t.balance" : "NULL") + ", 0) AS balance, "
				+ activity + " AS active_since, " + (action == BulkAction.DELETE ? referenced(kind, row) : "false")
				+ " AS referenced, t.status_changed_at FROM "
				+ (few ? kind.table() + " t WHERE t.id = ANY (CAST(:ids AS bigint[]))"
						: "unnest(CAST(:ids AS bigint[])) AS r(id) LEFT JOIN " + kind.table() + " t ON t.id = r.id");
		Map<Long, RecordFacts> found = new HashMap<>();
		jdbc.sql(sql)
			.param("ids", array(ids))
			.param("cutoff", cutoff == null ? null : cutoff.atOffset(ZoneOffset.UTC))
			.query(RecordFacts::from)
			.list()
			.forEach(facts -> found.put(facts.id(), facts));
		return ids.stream().sorted().map(id -> found.getOrDefault(id, RecordFacts.notFound(id))).toList();
	}

	/** Up to how many ids {@link #facts} reads by key: a batch's, not a preview's 100,000. */
	private static final int BY_KEY_UP_TO = 5_000;

	/**
	 * Locks the batch's rows for the rest of its transaction, in id order (every batch locks in the same order). A
	 * sale holds its customer FOR SHARE until it commits, so from here on no sale can slip in unseen. NO KEY: the
	 * batch changes no key, so foreign-key checks (FOR KEY SHARE) of other writers need not wait for it.
	 */
	void lock(RecordKind kind, List<Long> ids) {
		jdbc.sql("SELECT id FROM " + kind.table() + " WHERE id = ANY (CAST(:ids AS bigint[])) ORDER BY id FOR NO KEY UPDATE")
			.param("ids", array(ids))
			.query(Long.class)
			.list();
	}

	/** A PostgreSQL array literal: one parameter for any number of ids. */
	static String array(Collection<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	private static String activity(String kind, String row) {
		return kind.equals("customer")
				? "EXISTS (SELECT 1 FROM sales_orders o WHERE o.customer_id = " + row + " AND o.created_at >= :cutoff)"
				: "(EXISTS (SELECT 1 FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id"
						+ " WHERE l.item_id = " + row + " AND o.created_at >= :cutoff)"
						+ " OR EXISTS (SELECT 1 FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.order_id"
						+ " WHERE l.item_id = " + row + " AND o.created_at >= :cutoff))";
	}

	private static String referenced(RecordKind kind, String row) {
		String probes = kind.dependents()
			.stream()
			.map(dependent -> "EXISTS (SELECT 1 FROM " + dependent.table() + " WHERE " + dependent.column() + " = " + row
					+ ")")
			.collect(Collectors.joining(" OR "));
		return probes.isEmpty() ? "false" : "(" + probes + ")";
	}

}
