package org.backroom.lifecycle;

import java.util.Optional;

/**
 * A check that may hold a transition back for a second pair of eyes. When it answers a pending request, the
 * transition has not happened: it will run when someone approves the request.
 */
public interface TransitionGate {

	/** A pending request that holds the transition, or empty to let it run now. */
	Optional<? extends Pending> hold(RecordKind kind, long id, Transition transition, String reason);

	/** A request waiting for approval, answered with 202 and {@code Location: /api/approvals/{id}}. */
	interface Pending {

		long id();

	}

}
