package org.backroom.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after a number of failures for one user name or from one address, further
 * attempts are refused for a while (429 with Retry-After), the wait doubling with each failure up to an hour. Kept
 * in memory: it protects one running instance and forgets on restart, which is the trade-off for not writing to
 * the database on every failed guess.
 */
@Component
class SignInThrottle {

	private static final Duration FORGET_AFTER = Duration.ofHours(1);

	private static final Duration LONGEST_WAIT = Duration.ofHours(1);

	private final SignInSettings settings;

	private final Clock clock = Clock.systemUTC();

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	SignInThrottle(SignInSettings settings) {
		this.settings = settings;
	}

	private record Failures(int count, Instant last, Instant blockedUntil) {
	}

	/** How long this user name or address must wait before trying again, if it must. */
	Optional<Duration> wait(String username, String address) {
		Instant now = clock.instant();
		Instant until = later(blockedUntil("user:" + username.toLowerCase(java.util.Locale.ROOT), now),
				blockedUntil("address:" + address, now));
		return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
	}

	void failed(String username, String address) {
		count("user:" + username.toLowerCase(java.util.Locale.ROOT), settings.failuresPerUser());
		count("address:" + address, settings.failuresPerAddress());
	}

	void succeeded(String username) {
		failures.remove("user:" + username.toLowerCase(java.util.Locale.ROOT));
	}

	private void count(String key, int allowed) {
		Instant now = clock.instant();
		failures.compute(key, (k, previous) -> {
			int count = previous == null || previous.last().plus(FORGET_AFTER).isBefore(now) ? 1 : previous.count() + 1;
			Instant blockedUntil = now;
			if (count >= allowed) {
				long doublings = Math.min(count - allowed, 10);
				Duration wait = settings.lockout().multipliedBy(1L << doublings);
				blockedUntil = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
			}
			return new Failures(count, now, blockedUntil);
		});
		if (failures.size() > 100_000) {
			failures.entrySet().removeIf(entry -> entry.getValue().last().plus(FORGET_AFTER).isBefore(now));
		}
	}

	private Instant blockedUntil(String key, Instant now) {
		Failures found = failures.get(key);
		return found == null ? now : found.blockedUntil();
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
