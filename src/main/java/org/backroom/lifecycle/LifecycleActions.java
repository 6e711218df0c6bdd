package org.backroom.lifecycle;

import java.util.Optional;


import org.springframework.stereotype.Component;

/**
 * Asking for a transition, as the API and the pages both do it: the approval gate may hold it for a second person;
 * otherwise the lifecycle applies it now. Written once so that a page can never skip the gate.
 */
@Component
class LifecycleActions {

	private final Lifecycle lifecycle;

	private final TransitionGate gate;

	LifecycleActions(Lifecycle lifecycle, TransitionGate gate) {
		this.lifecycle = lifecycle;
		this.gate = gate;
	}

	/** What asking led to: a request waiting for approval, or the transition done. */
	sealed interface Result permits Held, Done {
	}

	record Held(TransitionGate.Pending request) implements Result {
	}

	record Done(Lifecycle.Outcome outcome) implements Result {
	}

	Result perform(RecordKind kind, long id, Transition transition, String reason) {
		Optional<? extends TransitionGate.Pending> held = gate.hold(kind, id, transition, reason);
		if (held.isPresent()) {
			return new Held(held.get());
		}
		return new Done(lifecycle.apply(kind, id, transition, reason));
	}

}
