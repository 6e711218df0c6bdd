package org.backroom.staff;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in staff user: who they are and, as authorities, the permissions of their roles right now.
 *
 * @param credentialsVersion the staff row's credentials version when they signed in: a session whose version is
 * older than the row's was opened with a password that has since been reset, and ends
 * @param mustChangePassword their password was set by someone else, and they must choose their own first
 */
public record StaffPrincipal(long id, String username, String displayName, boolean active,
		@Nullable String passwordHash, Set<String> permissions, long credentialsVersion,
		boolean mustChangePassword) implements UserDetails {

	/** The signed-in staff user, if a staff user is signed in. */
	public static Optional<StaffPrincipal> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal
				? Optional.of(principal) : Optional.empty();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = permissions.stream()
			.sorted()
			.<GrantedAuthority>map(SimpleGrantedAuthority::new)
			.toList();
		return authorities;
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return active;
	}

	/** The same user without the password hash, to keep in a session. */
	StaffPrincipal withoutPassword() {
		return new StaffPrincipal(id, username, displayName, active, null, permissions, credentialsVersion,
				mustChangePassword);
	}

}
