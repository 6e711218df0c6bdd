package org.backroom.staff;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Counts failed sign-ins for the throttle, and forgets them when a user signs in. */
@Component
class SignInEvents {

	private final SignInThrottle throttle;

	SignInEvents(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			throttle.failed(event.getAuthentication().getName(), address());
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		throttle.succeeded(event.getAuthentication().getName());
	}

	static String address() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? remoteAddress(attributes.getRequest()) : "unknown";
	}

	private static String remoteAddress(HttpServletRequest request) {
		return request.getRemoteAddr();
	}

}
