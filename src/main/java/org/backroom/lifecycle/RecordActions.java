package org.backroom.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backroom.permission.Permissions;

import org.springframework.stereotype.Component;

/**
 * The lifecycle part of a record page's Actions menu: only what this user may do to this record now, read from
 * the same impact preview the API gives. A delete that references would refuse is still offered when
 * deactivation is possible, because its dialog explains why and offers to deactivate instead.
 */
@Component
public class RecordActions {

	private final Lifecycle lifecycle;

	private final RecordKinds kinds;

	private final Permissions permissions;

	private final LifecyclePolicy policy;

	RecordActions(Lifecycle lifecycle, RecordKinds kinds, Permissions permissions, LifecyclePolicy policy) {
		this.lifecycle = lifecycle;
		this.kinds = kinds;
		this.permissions = permissions;
		this.policy = policy;
	}

	/** One entry of the menu: {@code /customers/12/actions/deactivate}, labelled for people. */
	public record Offer(String verb, String label, String href) {
	}

	/** The offered transitions of record {@code id} of the kind at {@code /api/{kindPath}}. */
	public List<Offer> offered(String kindPath, long id) {
		RecordKind kind = kinds.byPath(kindPath);
		Impact impact = lifecycle.impact(kind, id);
		List<Offer> offers = new ArrayList<>();
		for (Transition transition : Transition.values()) {
			if (may(kind, transition) && offerable(impact, transition)) {
				offers.add(new Offer(transition.verb(), label(kind, transition),
						"/" + kind.path() + "/" + id + "/actions/" + transition.verb()));
			}
		}
		return offers;
	}

	boolean may(RecordKind kind, Transition transition) {
		return permissions.has(kind.name() + "." + transition.verb());
	}

	/** Whether this transition waits for approval under the store's settings now. */
	boolean needsApproval(RecordKind kind, Transition transition) {
		return policy.approvalRequired(kind.name() + "." + transition.verb());
	}

	String label(RecordKind kind, Transition transition) {
		String verb = Character.toUpperCase(transition.verb().charAt(0)) + transition.verb().substring(1);
		if (needsApproval(kind, transition)) {
			return "Request " + switch (transition) {
				case DEACTIVATE -> "deactivation";
				case REACTIVATE -> "reactivation";
				case DELETE -> "deletion";
				case RESTORE -> "restore";
				case PURGE -> "purge";
			};
		}
		return verb;
	}

	private static boolean offerable(Impact impact, Transition transition) {
		Impact.Check check = impact.actions().get(transition.verb());
		if (check.allowed()) {
			return true;
		}
		return transition == Transition.DELETE && referenced(impact.dependents())
				&& impact.actions().get(Transition.DEACTIVATE.verb()).allowed();
	}

	static boolean referenced(Map<String, Long> dependents) {
		return dependents.values().stream().anyMatch(count -> count > 0);
	}

}
