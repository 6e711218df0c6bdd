package org.backroom.settings;

import java.util.Map;

import org.backroom.lifecycle.LifecycleSettings.DeleteReferenced;

/**
 * The settings as {@code GET /api/settings} shows them and {@code PATCH /api/settings} changes them.
 *
 * @param approvals for each action that can require approval, whether it does now
 * @param lifecycle what deleting a referenced record does
 * @param trash how long deleted records stay restorable
 * @param privacy the retention review's policy
 */
record StoreSettings(Map<String, Boolean> approvals, Lifecycle lifecycle, Trash trash, Privacy privacy) {

	/** The retention policy, off by default. */
	record Privacy(RetentionSettings retention) {
	}

	record Lifecycle(DeleteReferenced deleteReferenced) {
	}

	record Trash(int retentionDays) {
	}

}
