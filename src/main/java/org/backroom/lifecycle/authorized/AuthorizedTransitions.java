package org.backroom.lifecycle.authorized;

import java.util.Map;

import org.backroom.lifecycle.Lifecycle;
import org.backroom.lifecycle.RecordKind;
import org.backroom.lifecycle.Transition;

/**
 * Runs a lifecycle transition whose permission was checked earlier, when the work was asked for: an approval
 * request (the requester held the permission, the approver holds {@code approval.decide}) or a bulk job (its
 * creator held {@code bulk.run} and the transition's permission). The record's state is checked again now, under
 * lock, exactly as for a single click. Only the modules that declare {@code lifecycle::authorized} may use it.
 */
public interface AuthorizedTransitions {

	/**
	 * The transition, with facts that explain where it came from (a bulk job's id, an approval request) added to
	 * its audit entry.
	 */
	Lifecycle.Outcome apply(RecordKind kind, long id, Transition transition, String reason, Map<String, ?> context);

}
