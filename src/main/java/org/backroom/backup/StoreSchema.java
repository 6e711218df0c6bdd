package org.backroom.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables and sequences of the store's schema (the connection's current schema, where Flyway works), read from
 * PostgreSQL's catalogue so that a table added by any later migration is backed up without a change here.
 */
final class StoreSchema {

	/** A table, the columns a COPY reads and writes, and those whose sums check a restore. */
	record Table(String name, List<String> columns, List<String> numeric) {
	}

	private final Connection connection;

	StoreSchema(Connection connection) {
		this.connection = connection;
	}

	/** Every table (partitions are copied through their parent), each after the tables it refers to. */
	List<Table> tables() throws SQLException {
		Map<String, Set<String>> parents = new TreeMap<>();
		for (String table : strings("""
				SELECT relname FROM pg_class
				WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition
				""")) {
			parents.put(table, new TreeSet<>());
		}
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT child.relname, parent.relname FROM pg_constraint c
				JOIN pg_class child ON child.oid = c.conrelid
				JOIN pg_class parent ON parent.oid = c.confrelid
				WHERE c.contype = 'f' AND child.relnamespace = current_schema()::regnamespace
				"""); ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				Set<String> of = parents.get(rs.getString(1));
				// A table that refers to itself is fine: COPY checks foreign keys at the end of the statement.
				if (of != null && !rs.getString(1).equals(rs.getString(2))) {
					of.add(rs.getString(2));
				}
			}
		}
		List<Table> ordered = new ArrayList<>();
		for (String name : dependencyOrder(parents)) {
			ordered.add(new Table(name, columns(name, false), columns(name, true)));
		}
		return ordered;
	}

	/** The sequences of the schema, identity columns' included. */
	List<String> sequences() throws SQLException {
		return strings("SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace"
				+ " AND relkind = 'S' ORDER BY relname");
	}

	/** The exact sum of each numeric column of the table, as text ({@code 0} for an empty table). */
	Map<String, String> sums(Table table) throws SQLException {
		Map<String, String> sums = new LinkedHashMap<>();
		if (table.numeric().isEmpty()) {
			return sums;
		}
		String select = String.join(", ",
				table.numeric().stream().map(column -> "coalesce(sum(" + quote(column) + "), 0)::text").toList());
		try (PreparedStatement statement = connection.prepareStatement("SELECT " + select + " FROM " + quote(table.name()));
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			for (int i = 0; i < table.numeric().size(); i++) {
				sums.put(table.numeric().get(i), rs.getString(i + 1));
			}
		}
		return sums;
	}

	long count(String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM " + quote(table));
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Kahn's algorithm, by name where the order is free, so that the same schema always gives the same order. */
	static List<String> dependencyOrder(Map<String, Set<String>> parents) {
		Set<String> done = new LinkedHashSet<>();
		while (done.size() < parents.size()) {
			boolean progress = false;
			for (var table : parents.entrySet()) {
				if (!done.contains(table.getKey()) && done.containsAll(table.getValue())) {
					done.add(table.getKey());
					progress = true;
				}
			}
			if (!progress) {
				Map<String, Set<String>> left = new LinkedHashMap<>(parents);
				left.keySet().removeAll(done);
				throw new IllegalStateException("The foreign keys between these tables form a cycle: " + left);
			}
		}
		return List.copyOf(done);
	}

	private List<String> columns(String table, boolean numericOnly) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT attname FROM pg_attribute
				WHERE attrelid = (SELECT oid FROM pg_class WHERE relname = ? AND relnamespace = current_schema()::regnamespace)
				  AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
				  AND (NOT ? OR atttypid IN ('numeric'::regtype, 'int2'::regtype, 'int4'::regtype, 'int8'::regtype))
				ORDER BY attnum
				""")) {
			statement.setString(1, table);
			statement.setBoolean(2, numericOnly);
			return strings(statement);
		}
	}

	private List<String> strings(String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			return strings(statement);
		}
	}

	private static List<String> strings(PreparedStatement statement) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	/** An identifier quoted for SQL, whatever it contains. */
	static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	static String columnList(List<String> columns) {
		return String.join(", ", columns.stream().map(StoreSchema::quote).toList());
	}

}
