package org.backroom.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The indexes of the loaded tables that back no constraint, as the migrations defined them: dropped before a bulk
 * load and built again from their own definitions ({@code pg_get_indexdef}) after it. Building a trigram GIN or a
 * b-tree once over a million sorted rows costs a fraction of maintaining it row by row. Primary keys, unique and
 * foreign keys, checks and defaults stay in force throughout: only the lookup structures wait.
 */
final class SecondaryIndexes {

	private static final String FIND = """
			SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
			FROM pg_index i
			WHERE i.indrelid IN ('customers'::regclass, 'items'::regclass, 'sales_orders'::regclass,
			                     'sales_order_lines'::regclass)
			  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
			ORDER BY i.indexrelid
			""";

	private record Index(String name, String definition) {
	}

	private final List<Index> dropped = new ArrayList<>();

	/** Drops every secondary index of the loaded tables, remembering its definition. */
	void drop(Connection db) throws SQLException {
		try (Statement statement = db.createStatement(); var rs = statement.executeQuery(FIND)) {
			while (rs.next()) {
				dropped.add(new Index(rs.getString("name"), rs.getString("definition")));
			}
		}
		try (Statement statement = db.createStatement()) {
			for (Index index : dropped) {
				statement.execute("DROP INDEX " + index.name());
			}
		}
	}

	/** Builds every dropped index again from its definition, with room to sort in memory. */
	void rebuild(Connection db) throws SQLException {
		try (Statement statement = db.createStatement()) {
			statement.execute("SET maintenance_work_mem = '1GB'");
			for (Index index : dropped) {
				statement.execute(index.definition());
			}
			statement.execute("RESET maintenance_work_mem");
		}
		dropped.clear();
	}

}
