package org.backroom.bulk;

import java.util.Locale;

import org.backroom.lifecycle.Transition;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

/**
 * What a bulk job does to each record: a lifecycle transition, and what undoes it; or an erasure, which is no
 * transition and which nothing undoes, done by the erasure feature through {@link BulkEraser}.
 */
enum BulkAction {

	DEACTIVATE(Transition.DEACTIVATE), DELETE(Transition.DELETE), REACTIVATE(Transition.REACTIVATE),
	RESTORE(Transition.RESTORE), ERASE(null);

	private final @Nullable Transition transition;

	BulkAction(@Nullable Transition transition) {
		this.transition = transition;
	}

	Transition transition() {
		if (transition == null) {
			throw new IllegalStateException(this + " is not a lifecycle transition");
		}
		return transition;
	}

	/** An erasure of personal data: each record goes through the erasure feature, with its own refusals. */
	boolean erases() {
		return transition == null;
	}

	String verb() {
		return transition == null ? "erase" : transition.verb();
	}

	/** The permission a person needs to preview, start or propose-start such a job: the single action's. */
	String permission(String recordKind) {
		return erases() ? "privacy.erase" : recordKind + "." + verb();
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
	 * bulk delete is no less sweeping), and for an undo or an erasure the setting of the single action it makes
	 * ({@code customer.erase}: what makes one erasure wait makes a job of them wait).
	 */
	String approvalSetting(String recordKind) {
		return cleansUp() ? "bulk.deactivate" : recordKind + "." + verb();
	}

	/** An action asked for in a request: {@code deactivate}, {@code delete} or {@code erase}. */
	static BulkAction requested(String action) {
		return switch (action.toLowerCase(Locale.ROOT)) {
			case "deactivate" -> DEACTIVATE;
			case "delete" -> DELETE;
			case "erase" -> ERASE;
			default -> throw ValidationFailed.of("action", "must be deactivate, delete or erase");
		};
	}

}
