package org.backroom.erasure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looks for a text in every text, character and jsonb column of every table of the store, found through
 * information_schema: a table added later is covered without a change here.
 */
final class PersonalDataScan {

	private final JdbcClient jdbc;

	PersonalDataScan(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Each {@code table.column} whose value contains the text, case-insensitively. */
	List<String> find(String text) {
		List<String> found = new ArrayList<>();
		List<String[]> columns = jdbc.sql("""
				SELECT c.table_name, c.column_name FROM information_schema.columns c
				JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
				WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
				  AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')""")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		for (String[] column : columns) {
			long count = jdbc.sql("SELECT count(*) FROM \"" + column[0] + "\" WHERE \"" + column[1]
					+ "\"::text ILIKE ?")
				.param("%" + text + "%")
				.query(Long.class)
				.single();
			if (count > 0) {
				found.add(column[0] + "." + column[1]);
			}
		}
		return found;
	}

	/** How many tables and columns a scan reads: that it reads every one. */
	long columns() {
		return jdbc.sql("""
				SELECT count(*) FROM information_schema.columns c
				JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
				WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
				  AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')""")
			.query(Long.class).single();
	}

}
