package org.backroom.staff;

import java.util.Map;

import org.backroom.audit.AuditTrail;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Counts failed sign-ins for the throttle, and forgets them when a user signs in. */
@Component
class SignInEvents {

	private final SignInThrottle throttle;

	private final AuditTrail audit;

	SignInEvents(SignInThrottle throttle, AuditTrail audit) {
		this.throttle = throttle;
		this.audit = audit;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		String username = event.getAuthentication().getName();
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			throttle.failed(username, address());
		}
		// Its own transaction: the failure is kept although nothing else of this request is.
		audit.recordAlone("staff.sign-in-failed", null, null, event.getException().getClass().getSimpleName(),
				Map.of("username", username));
	}

	/** A sign-in with the login form. HTTP Basic and tokens authenticate every request and are not sign-ins. */
	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal) {
			audit.recordAlone("staff.sign-in", "staff", principal.id(), null, Map.of("username", principal.username()));
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		throttle.succeeded(event.getAuthentication().getName(), address());
	}

	static String address() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getRemoteAddr() : "unknown";
	}

}
