package org.backroom.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;

/**
 * What the shared lifecycle needs to know about one kind of master record. A feature declares its kind as a bean
 * built with {@link #named}; the lifecycle endpoints and pages, the impact preview, trash and purge, the record's
 * audit timeline, its permissions (with their grants to the built-in roles) and the actions a store may put behind
 * an approval then all work for it without a line of their own.
 *
 * <p>The table must have the lifecycle columns {@code id, status, status_reason, status_changed_at, is_system,
 * version, updated_at}.
 *
 * @param name singular, as in audit entries, permissions and messages: {@code customer}
 * @param path the collection under {@code /api} and of the pages: {@code customers}
 * @param table the table holding the records
 * @param labelSql an SQL expression naming a record for people, such as {@code code || ' ' || name}
 * @param codeSql an SQL expression giving the record's code, which names it without personal data (a customer's
 *        {@code code}, an item's {@code sku}), or null for a kind that has none (staff are known by a user name)
 * @param dependents what may point to a record of this kind
 * @param openWork figures and warnings shown before acting, such as an open credit balance, read with the record
 * @param guard extra refusals beyond the state machine (none for most kinds)
 * @param view reads one record as the API shows it
 * @param managedByManagers whether the built-in Manager role may do everything but purge (otherwise only view)
 */
public record RecordKind(String name, String path, String table, String labelSql, @Nullable String codeSql,
		List<Dependent> dependents,
		OpenWork.Read openWork, Guard guard, LongFunction<Optional<? extends Versioned>> view,
		boolean managedByManagers) {

	/** What a role may do with a kind of record: {@code customer.view} … {@code customer.purge}. */
	public static final List<String> PERMISSION_VERBS = List.of("view", "create", "edit", "deactivate", "reactivate",
			"delete", "restore", "purge");

	/** The transitions a store may make wait for a second person's approval. */
	public static final List<Transition> APPROVABLE = List.of(Transition.REACTIVATE, Transition.RESTORE,
			Transition.PURGE);

	/** Starts the declaration of a kind: {@code RecordKind.named("customer").label(…).view(…).build()}. */
	public static Builder named(String name) {
		return new Builder(name);
	}

	/** Every permission about this kind: {@code customer.view}, {@code customer.create}, … */
	public List<String> permissions() {
		return PERMISSION_VERBS.stream().map(verb -> name + "." + verb).toList();
	}

	/** The actions on this kind that may require approval: {@code customer.reactivate}, … */
	public List<String> approvableActions() {
		return APPROVABLE.stream().map(transition -> name + "." + transition.verb()).toList();
	}

	/** Open work on a record: figures for the impact preview and warnings for the person about to act. */
	public record OpenWork(Map<String, Object> figures, List<String> warnings) {

		public static final OpenWork NONE = new OpenWork(Map.of(), List.of());

		/**
		 * How a kind's open work is read in the statement that reads the record (so the figures are of the same
		 * snapshot, and a record gone since cannot leave them unread): an SQL expression over the row, which may be
		 * a subquery naming the table's {@code id}, and what its value means.
		 *
		 * @param sql the expression, never NULL for a record (a NOT NULL column, a count, a coalesce), or null for a
		 *        kind without open work
		 */
		public record Read(@Nullable String sql, Meaning meaning) {

			static final Read NONE = new Read(null, (rs, column) -> OpenWork.NONE);

		}

		/** What the value of a {@link Read}'s expression, in the given column, says about the record. */
		@FunctionalInterface
		public interface Meaning {

			OpenWork of(ResultSet row, int column) throws SQLException;

		}

	}

	/** A kind-specific refusal, checked with the record's row locked. */
	@FunctionalInterface
	public interface Guard {

		Guard NONE = (id, transition) -> Optional.empty();

		/** Why this transition must not happen to this record now, if it must not. */
		Optional<String> refuse(long id, Transition transition);

	}

	/** A record as the API shows it, whose version is its ETag. */
	public interface Versioned {

		long version();

	}

	/** The label with its first letter upper-cased, to start a sentence: {@code Customer}. */
	String title() {
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	/**
	 * The named parts of a kind. The path defaults to the name with an {@code s} and the table to the path; a label,
	 * and a view are required; a kind has no dependents, open work or guard unless it says so.
	 */
	public static final class Builder {

		private final String name;

		private @Nullable String path;

		private @Nullable String table;

		private @Nullable String labelSql;

		private @Nullable String codeSql;

		private final List<Dependent> dependents = new ArrayList<>();

		private OpenWork.Read openWork = OpenWork.Read.NONE;

		private Guard guard = Guard.NONE;

		private @Nullable LongFunction<Optional<? extends Versioned>> view;

		private boolean managedByManagers = true;

		private Builder(String name) {
			this.name = name;
		}

		/** The collection under {@code /api} and of the pages, when it is not the name with an {@code s}. */
		public Builder path(String path) {
			this.path = path;
			return this;
		}

		/** The table, when it is not named like the path. */
		public Builder table(String table) {
			this.table = table;
			return this;
		}

		/** An SQL expression over the table's columns naming a record for people. */
		public Builder label(String labelSql) {
			this.labelSql = labelSql;
			return this;
		}

		/** An SQL expression giving the record's code, free of personal data, as events to other systems carry it. */
		public Builder code(String codeSql) {
			this.codeSql = codeSql;
			return this;
		}

		/** Something that may point to a record of this kind; its column must be indexed. */
		public Builder dependent(String key, String one, String many, String table, String column) {
			dependents.add(new Dependent(key, one, many, table, column));
			return this;
		}

		/**
		 * Open work shown before acting: an SQL expression read with the record (a column, or a subquery naming the
		 * table's {@code id}; its columns must be indexed) and what its value means.
		 */
		public Builder openWork(String sql, OpenWork.Meaning meaning) {
			this.openWork = new OpenWork.Read(sql, meaning);
			return this;
		}

		public Builder guard(Guard guard) {
			this.guard = guard;
			return this;
		}

		public Builder view(LongFunction<Optional<? extends Versioned>> view) {
			this.view = view;
			return this;
		}

		/** The built-in Manager role may only view records of this kind (staff, for instance). */
		public Builder viewOnlyForManagers() {
			this.managedByManagers = false;
			return this;
		}

		public RecordKind build() {
			String collection = path != null ? path : name + "s";
			return new RecordKind(name, collection, table != null ? table : collection,
					Objects.requireNonNull(labelSql, "a record kind needs a label"), codeSql, List.copyOf(dependents), openWork,
					guard, Objects.requireNonNull(view, "a record kind needs a view"), managedByManagers);
		}

	}

}
