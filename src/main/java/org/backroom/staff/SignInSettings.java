package org.backroom.staff;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in: the first owner's password ({@code BACKROOM_ADMIN_PASSWORD}; random and printed once when unset) and
 * how repeated failures are slowed down and refused. Refusals are per (user name, address) and per address, never
 * per user name alone: otherwise anyone could lock the owner out by guessing wrong on purpose.
 *
 * @param adminPassword the password of the {@code admin} account created on first start
 * @param failuresPerUserAndAddress failures of one user name from one address before that pair is refused for a while
 * @param failuresPerAddress failures from one address, whatever the user names, before it is refused for a while
 * @param failuresPerUser failures of one user name from anywhere before each further attempt of it is slowed down
 * @param lockout how long the first refusal lasts; it doubles with every further failure, up to an hour
 * @param userDelay how long an attempt of a user name past {@code failuresPerUser} waits before it is checked
 * @param window how long a failure counts; a counter with no failure for this long starts again
 */
@ConfigurationProperties("backroom.sign-in")
record SignInSettings(@Nullable String adminPassword, @DefaultValue("5") int failuresPerUserAndAddress,
		@DefaultValue("30") int failuresPerAddress, @DefaultValue("100") int failuresPerUser,
		@DefaultValue("1m") Duration lockout, @DefaultValue("1s") Duration userDelay,
		@DefaultValue("1h") Duration window) {
}
