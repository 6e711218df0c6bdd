package org.backroom.permission;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The server-side permission check, used by method security: {@code @PreAuthorize("@permissions.require('customer.create')")}.
 * It throws instead of answering false so that the 403 names the missing permission.
 */
@Component("permissions")
public class Permissions {

	/** True when the signed-in user has the permission; otherwise a 403 {@link Forbidden} naming it. */
	public boolean require(String permission) {
		if (!has(permission)) {
			throw new Forbidden(permission);
		}
		return true;
	}

	public boolean has(String permission) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(permission::equals);
	}

}
