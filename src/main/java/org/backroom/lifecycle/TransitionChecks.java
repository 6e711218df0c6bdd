package org.backroom.lifecycle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backroom.lifecycle.LifecycleRefusals.InvalidTransition;
import org.backroom.lifecycle.LifecycleRefusals.RecordReferenced;
import org.backroom.lifecycle.LifecycleRefusals.SystemRecord;
import org.backroom.lifecycle.LifecycleSettings.DeleteReferenced;
import org.backroom.web.Refusal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a transition may run on a record as it is: the state machine, system records, the kind's own guard, and
 * what still points to the record. {@link Lifecycle} refuses with these before it changes anything, and shows them
 * as the record's impact.
 */
@Component
class TransitionChecks {

	private final JdbcClient jdbc;

	TransitionChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts of each kind of dependent that exists, up to {@link Dependent#CAP} + 1 (more than the cap); kinds with
	 * none are left out. One bounded probe of an indexed foreign key each: the cost does not grow with history.
	 */
	Map<String, Long> dependents(RecordKind kind, long id) {
		List<Dependent> kinds = kind.dependents();
		if (kinds.isEmpty()) {
			return new LinkedHashMap<>();
		}
		return jdbc.sql("SELECT " + Dependent.countColumns(kinds))
			.params(Collections.nCopies(kinds.size(), id))
			.query((rs, row) -> Dependent.found(kinds, rs, 1))
			.single();
	}

	/** What a transition would do, given what a preview read of the record and the store's policy. */
	Impact.Check check(RecordKind kind, RecordRows.Row record, Transition transition, Map<String, Long> dependents,
			RecordKind.OpenWork openWork, DeleteReferenced deleteReferenced) {
		try {
			refuseIfNotAllowed(kind, record, transition);
		}
		catch (Refusal refusal) {
			return Impact.Check.refused(refusal.getMessage());
		}
		List<String> warnings = transition == Transition.DEACTIVATE || transition == Transition.DELETE
				? openWork.warnings() : List.of();
		if (transition.needsUnreferenced() && !dependents.isEmpty()) {
			if (transition == Transition.DELETE && record.status() == LifecycleStatus.ACTIVE
					&& deleteReferenced == DeleteReferenced.DEACTIVATE) {
				return Impact.Check.instead(Transition.DEACTIVATE, "On " + RecordReferenced.describe(kind, dependents)
						+ ": delete will deactivate it instead, keeping its history.", warnings);
			}
			return Impact.Check.refused("On " + RecordReferenced.describe(kind, dependents)
					+ (transition == Transition.DELETE ? "; deactivate it instead to keep its history." : "."));
		}
		return Impact.Check.allowed(warnings);
	}

	void refuseIfNotAllowed(RecordKind kind, RecordRows.Row record, Transition transition) {
		if (!transition.startsFrom(record.status())) {
			throw new InvalidTransition(kind, record.label(), record.status(), transition);
		}
		if (record.system() && transition.refusedForSystemRecords()) {
			throw new SystemRecord(kind, record.label(), transition);
		}
		Optional<String> refusal = kind.guard().refuse(record.id(), transition);
		if (refusal.isPresent()) {
			throw new InvalidTransition(kind, record.label(), refusal.get());
		}
	}

}
