package org.backroom.staff;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks user name and password so that nobody learns anything from a refusal: an unknown user name, a deactivated
 * user and a wrong password all answer the same "bad credentials", after the same bcrypt work. Spring Security
 * already hashes against a dummy for unknown names; here the password is checked before the user's status, so a
 * deactivated user costs a bcrypt check too instead of a fast, telling refusal.
 */
@Configuration(proxyBeanMethods = false)
class SignInAuthentication {

	@Bean
	DaoAuthenticationProvider staffAuthentication(SignInDirectory directory, PasswordEncoder passwords) {
		var provider = new DaoAuthenticationProvider(directory);
		provider.setPasswordEncoder(passwords);
		provider.setPreAuthenticationChecks(user -> {
		});
		provider.setPostAuthenticationChecks(user -> {
			if (!user.isEnabled() || !user.isAccountNonLocked() || !user.isAccountNonExpired()) {
				throw new BadCredentialsException("Bad credentials");
			}
			if (!user.isCredentialsNonExpired()) {
				throw new CredentialsExpiredException("Credentials expired");
			}
		});
		return provider;
	}

}
