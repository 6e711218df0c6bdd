package org.backroom.audit;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work that Backroom does of its own accord, such as the nightly retention review, recorded in the audit trail
 * under a name of its own ({@code system:retention-review}) rather than the anonymous {@code system}. It grants
 * nothing: the name holds no permission, so only code that checks none (a proposal, never an action) can run so.
 */
public final class SystemActor {

	static final String PREFIX = Origin.SYSTEM + ":";

	private SystemActor() {
	}

	/** The name an entry of this work carries: {@code system:<task>}. */
	public static String named(String task) {
		return PREFIX + task;
	}

	/** Runs the work as {@code system:<task>}, and puts back whoever was signed in. */
	public static <T> T run(String task, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext system = SecurityContextHolder.createEmptyContext();
		system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(named(task), null, List.of()));
		SecurityContextHolder.setContext(system);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
