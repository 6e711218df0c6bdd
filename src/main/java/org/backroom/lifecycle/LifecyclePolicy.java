package org.backroom.lifecycle;

import java.time.Duration;

import org.backroom.lifecycle.LifecycleSettings.DeleteReferenced;
import org.jspecify.annotations.Nullable;

/**
 * The store's current choices about the lifecycle, which an owner can change while Backroom runs. The properties
 * ({@link LifecycleSettings}, {@link TrashSettings}) are only their defaults.
 */
public interface LifecyclePolicy {

	DeleteReferenced deleteReferenced();

	/**
	 * {@link #deleteReferenced()} as an SQL expression, for a statement that reads it in its own snapshot beside what
	 * it decides about (an impact preview): the stored choice as text, or null when the store has made none.
	 */
	String deleteReferencedSql();

	/** {@link #deleteReferenced()} from what {@link #deleteReferencedSql()} read. */
	DeleteReferenced deleteReferenced(@Nullable String stored);

	Duration trashRetention();

	/** Whether this action ({@code customer.reactivate}) waits for a second person's approval now. */
	boolean approvalRequired(String action);

}
