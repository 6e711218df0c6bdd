package org.backroom.lifecycle;

import org.backroom.web.ValidationFailed;

/** Where a master record is in its life. A purged record has no status: its row is gone. */
public enum LifecycleStatus {

	/** In use: offered by pickers, allowed on new work. */
	ACTIVE,
	/** Kept with all its history, but offered nowhere and refused on new work. */
	INACTIVE,
	/** In the trash: restorable until purged. */
	DELETED,
	/**
	 * Terminal: the person's personal data is gone, their figures stay in every order and report. Shown like an
	 * inactive record, offered nowhere, refused on new work; no transition leaves it.
	 */
	ERASED,
	/** Folded into a survivor it points to: shown like an inactive record, offered nowhere; unmerge brings it back. */
	MERGED;

	/** The list filter ({@code status=active|inactive|all|deleted|erased|merged}) as an SQL condition on the status. */
	public static String condition(String filter) {
		return switch (filter) {
			case "active" -> "status = 'ACTIVE'";
			// Each filter is one status (or all but one), so a list walks its status's name index in order.
			case "inactive" -> "status = 'INACTIVE'";
			case "all" -> "status <> 'DELETED'";
			case "deleted" -> "status = 'DELETED'";
			case "erased" -> "status = 'ERASED'";
			case "merged" -> "status = 'MERGED'";
			default -> throw ValidationFailed.of("status",
					"must be one of active, inactive, all, deleted, erased, merged");
		};
	}

}
