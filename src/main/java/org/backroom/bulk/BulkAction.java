package org.backroom.bulk;

import java.util.Locale;

import org.backroom.lifecycle.Transition;
import org.backroom.web.ValidationFailed;

/** What a bulk job does to each record: a lifecycle transition, and what undoes it. */
enum BulkAction {

	DEACTIVATE(Transition.DEACTIVATE), DELETE(Transition.DELETE), REACTIVATE(Transition.REACTIVATE),
	RESTORE(Transition.RESTORE);

	private final Transition transition;

	BulkAction(Transition transition) {
		this.transition = transition;
	}

	Transition transition() {
		return transition;
	}

	String verb() {
		return transition.verb();
	}

	/** A clean-up (deactivate or delete): it skips records with open credit or with activity since the cutoff. */
	boolean cleansUp() {
		return this == DEACTIVATE || this == DELETE;
	}

	BulkAction undo() {
		return switch (this) {
			case DEACTIVATE -> REACTIVATE;
			case DELETE -> RESTORE;
			default -> throw new IllegalStateException(this + " cannot be undone by a job");
		};
	}

	/**
	 * The setting that makes a job of this action wait for approval: {@code bulk.deactivate} for every clean-up (a
	 * bulk delete is no less sweeping), and for an undo the setting of the single transition it makes.
	 */
	String approvalSetting(String recordKind) {
		return cleansUp() ? "bulk.deactivate" : recordKind + "." + verb();
	}

	/** A clean-up asked for in a request: {@code deactivate} or {@code delete}. */
	static BulkAction requested(String action) {
		return switch (action.toLowerCase(Locale.ROOT)) {
			case "deactivate" -> DEACTIVATE;
			case "delete" -> DELETE;
			default -> throw ValidationFailed.of("action", "must be deactivate or delete");
		};
	}

}
