package org.backroom.lifecycle;

import java.time.Duration;

import org.backroom.lifecycle.LifecycleSettings.DeleteReferenced;

/**
 * The store's current choices about the lifecycle, which an owner can change while Backroom runs. The properties
 * ({@link LifecycleSettings}, {@link TrashSettings}) are only their defaults.
 */
public interface LifecyclePolicy {

	DeleteReferenced deleteReferenced();

	Duration trashRetention();

	/** Whether this action ({@code customer.reactivate}) waits for a second person's approval now. */
	boolean approvalRequired(String action);

}
