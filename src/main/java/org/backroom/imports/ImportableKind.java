package org.backroom.imports;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * What a kind of master record offers the CSV import: its columns (the one definition of that kind's CSV), the
 * checks of one row, and multi-row writes of its own table in the caller's transaction. Cells are text, as the
 * file holds them; an empty cell is null. The import audits what these writes answer.
 */
public interface ImportableKind {

	/** The kind's name, singular, as the lifecycle knows it: {@code customer}. */
	String kind();

	/** The kind's API path: {@code customers}. */
	String path();

	/** The CSV columns, in order: the header a file must have, and the fields of the record they fill. */
	List<String> columns();

	/** The column that matches a row to an existing record: {@code code}, {@code sku}. */
	String keyColumn();

	/**
	 * Whether a row whose key matches no record creates one with that key. When not (customer codes are
	 * numbered by the store), a new record's row leaves the key empty, and an unknown key is an error.
	 */
	boolean createsWithKey();

	/** The problems of one row, by column (every column is given, null when empty); empty when it is good. */
	Map<String, String> check(Map<String, @Nullable String> cells);

	/**
	 * Hands every record a file may name (not in the trash, merged, erased or a system record) to {@code row}, in key
	 * order, with its cells as an import reads them: a file exported and imported back changes nothing.
	 */
	void export(Consumer<Map<String, @Nullable String>> row);

	/** The records that exist with these keys, by key. */
	Map<String, Match> match(Collection<String> keys);

	/**
	 * Creates the records in one statement; answers, in the rows' order, what was created (null for a row whose key
	 * or another unique value was taken meanwhile: nothing was written for it).
	 */
	List<@Nullable Written> create(List<Map<String, @Nullable String>> rows);

	/**
	 * Locks the records in id order and changes, in one statement, each still at its expected version and open to
	 * edits; answers each change's outcome, in the given order.
	 */
	List<Edited> update(List<Change> changes);

	/** A record that exists: its id, version and lifecycle status. */
	record Match(long id, long version, String status) {
	}

	/** A record just created, with its values as stored. */
	record Written(long id, long version, Map<String, @Nullable String> cells) {
	}

	/** An edit asked for: the record, the version it was read at, its new values. */
	record Change(long id, long expectedVersion, Map<String, @Nullable String> cells) {
	}

	/** What an edit did; {@code before} and {@code after} are the values (null when it did not happen). */
	record Edited(long id, EditOutcome outcome, long version, @Nullable Map<String, @Nullable String> before,
			@Nullable Map<String, @Nullable String> after, @Nullable String detail) {

		public static Edited conflict(long id, long version, String detail) {
			return new Edited(id, EditOutcome.CONFLICT, version, null, null, detail);
		}

	}

	/** How an edit ended. */
	enum EditOutcome {
		/** Changed. */
		UPDATED,
		/** The file held what the record already held: nothing to write. */
		UNCHANGED,
		/** Changed by someone else since it was read, or no longer open to edits: left as it is. */
		CONFLICT
	}

}
