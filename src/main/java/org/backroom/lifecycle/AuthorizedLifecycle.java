package org.backroom.lifecycle;

import java.util.Map;

import org.backroom.lifecycle.authorized.AuthorizedTransitions;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link AuthorizedTransitions} on the one lifecycle: the same state machine, without the permission check. */
@Component
class AuthorizedLifecycle implements AuthorizedTransitions {

	private final Lifecycle lifecycle;

	AuthorizedLifecycle(Lifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	@Transactional
	public Lifecycle.Outcome apply(RecordKind kind, long id, Transition transition, String reason,
			Map<String, ?> context) {
		return lifecycle.run(kind, id, transition, reason, context);
	}

}
