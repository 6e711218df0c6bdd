package org.backroom.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * What the shared lifecycle needs to know about one kind of master record. A feature declares its kind as a bean;
 * the state machine, impact preview, trash and purge then work for it without a line of their own.
 *
 * <p>The table must have the lifecycle columns {@code id, status, status_reason, status_changed_at, is_system,
 * version, updated_at}.
 *
 * @param name singular, as in audit entries and messages: {@code customer}
 * @param path the collection under {@code /api}: {@code customers}
 * @param table the table holding the records
 * @param labelSql an SQL expression naming a record for people, such as {@code code || ' ' || name}
 * @param dependents what may point to a record of this kind
 * @param openWork figures and warnings shown before acting, such as an open credit balance
 * @param guard extra refusals beyond the state machine (none for most kinds)
 * @param view reads one record as the API shows it
 */
public record RecordKind(String name, String path, String table, String labelSql, List<Dependent> dependents,
		LongFunction<OpenWork> openWork, Guard guard, LongFunction<Optional<? extends Versioned>> view) {

	/** Open work on a record: figures for the impact preview and warnings for the person about to act. */
	public record OpenWork(Map<String, Object> figures, List<String> warnings) {

		public static final OpenWork NONE = new OpenWork(Map.of(), List.of());

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

}
