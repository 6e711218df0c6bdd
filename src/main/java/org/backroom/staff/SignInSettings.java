package org.backroom.staff;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in: the first owner's password ({@code BACKROOM_ADMIN_PASSWORD}; random and printed once when unset) and
 * how repeated failures are slowed down and refused.
 *
 * @param adminPassword the password of the {@code admin} account created on first start
 * @param failuresPerUser failures for one user name before sign-in is refused for a while
 * @param failuresPerAddress failures from one address before sign-in is refused for a while
 * @param lockout how long the first refusal lasts; it doubles with every further failure, up to an hour
 */
@ConfigurationProperties("backroom.sign-in")
record SignInSettings(@Nullable String adminPassword, @DefaultValue("5") int failuresPerUser,
		@DefaultValue("30") int failuresPerAddress, @DefaultValue("1m") Duration lockout) {
}
