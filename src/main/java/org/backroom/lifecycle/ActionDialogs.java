package org.backroom.lifecycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** Builds what an action dialog shows: the impact preview, whether it is allowed, and what to do instead. */
@Component
class ActionDialogs {

	private final Lifecycle lifecycle;

	private final RecordRows rows;

	private final RecordActions menu;

	ActionDialogs(Lifecycle lifecycle, RecordRows rows, RecordActions menu) {
		this.lifecycle = lifecycle;
		this.rows = rows;
		this.menu = menu;
	}

	/**
	 * One dialog. {@code instead} is the deactivation offered when a delete is refused because history points to
	 * the record; {@code dependents} lists only the kinds that exist, in words.
	 */
	record Dialog(String kindPath, String kindName, long id, String label, String verb, String title, String button,
			Impact.Check check, boolean needsApproval, List<String> dependents, Map<String, Object> openWork,
			String status, @Nullable String instead, String action, String back) {
	}

	Dialog dialog(RecordKind kind, long id, Transition transition, String back) {
		Impact impact = lifecycle.impact(kind, id);
		String label = rows.label(kind, id);
		Impact.Check check = impact.actions().get(transition.verb());
		String instead = null;
		if (transition == Transition.DELETE && !check.allowed() && RecordActions.referenced(impact.dependents())
				&& impact.actions().get(Transition.DEACTIVATE.verb()).allowed()
				&& menu.may(kind, Transition.DEACTIVATE)) {
			instead = "/" + kind.path() + "/" + id + "/actions/" + Transition.DEACTIVATE.verb();
		}
		String button = menu.label(kind, transition);
		boolean approval = menu.needsApproval(kind, transition);
		return new Dialog(kind.path(), kind.name(), id, label, transition.verb(),
				button + " " + kind.name() + " " + label, approval ? "Send request" : button, check, approval,
				dependents(kind, impact), new LinkedHashMap<>(impact.openWork()), impact.status().name(), instead,
				"/" + kind.path() + "/" + id + "/actions/" + transition.verb(), back);
	}

	private static List<String> dependents(RecordKind kind, Impact impact) {
		return kind.dependents()
			.stream()
			.filter(dependent -> impact.dependents().getOrDefault(dependent.name(), 0L) > 0)
			.map(dependent -> dependent.count(impact.dependentsCapped().contains(dependent.name()) ? Dependent.CAP + 1
					: impact.dependents().get(dependent.name())))
			.toList();
	}

}
