package org.backroom.staff;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing without handing anyone a way to lock the owner out. Failures are counted per
 * (user name, address) and per address; either past its limit refuses further attempts for a while (429 with
 * Retry-After), the wait doubling with each failure up to an hour. A user name alone is never refused: past a much
 * higher limit its attempts are only slowed down, so the owner can always sign in from an address that has not
 * failed. The counters live in the database, so they hold across instances and restarts; the database's clock
 * decides, so instances need not agree on theirs.
 */
@Component
class SignInThrottle {

	private static final Duration LONGEST_WAIT = Duration.ofHours(1);

	/** User names longer than any real one are cut, so a guesser cannot fill the table with megabytes. */
	private static final int LONGEST_SUBJECT = 200;

	private final SignInSettings settings;

	private final JdbcClient jdbc;

	SignInThrottle(SignInSettings settings, JdbcClient jdbc) {
		this.settings = settings;
		this.jdbc = jdbc;
	}

	/** How long this user name must wait before trying again from this address, if it must. */
	Optional<Duration> wait(String username, String address) {
		long seconds = jdbc.sql("""
				SELECT coalesce(ceil(extract(epoch FROM max(blocked_until) - now())), 0)::bigint
				FROM sign_in_failures
				WHERE ((scope = 'pair' AND subject = :pair) OR (scope = 'address' AND subject = :address))
				  AND blocked_until > now()""")
			.param("pair", pair(username, address))
			.param("address", subject(address))
			.query(Long.class)
			.single();
		return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
	}

	/** How long an attempt of this user name is held before it is checked: zero until it failed very often. */
	Duration delay(String username) {
		boolean often = jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM sign_in_failures
				               WHERE scope = 'user' AND subject = ? AND expires_at > now() AND failures >= ?)""")
			.params(user(username), settings.failuresPerUser())
			.query(Boolean.class)
			.single();
		return often ? settings.userDelay() : Duration.ZERO;
	}

	void failed(String username, String address) {
		count("pair", pair(username, address), settings.failuresPerUserAndAddress());
		count("address", subject(address), settings.failuresPerAddress());
		count("user", user(username), Integer.MAX_VALUE);
	}

	/**
	 * A wrong current password from someone signed in (changing their own password): a guess like a failed sign-in,
	 * or a session or token left open would let anyone learn the password behind it. Counted for the user from this
	 * address and for the user, not for the address, which is about trying many user names. In a transaction of its
	 * own: the refused request rolls back, the count must stay.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void failedPasswordCheck(String username, String address) {
		count("pair", pair(username, address), settings.failuresPerUserAndAddress());
		count("user", user(username), Integer.MAX_VALUE);
	}

	/** The right password from this address: its own failures are forgiven, not those of the address. */
	void succeeded(String username, String address) {
		jdbc.sql("""
				DELETE FROM sign_in_failures
				WHERE (scope = 'pair' AND subject = ?) OR (scope = 'user' AND subject = ?)""")
			.params(pair(username, address), user(username))
			.update();
	}

	/** Counters nobody failed on for a window are forgotten; every instance may run this. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void forgetExpired() {
		jdbc.sql("DELETE FROM sign_in_failures WHERE expires_at < now()").update();
	}

	private void count(String scope, String subject, int allowed) {
		int failures = jdbc.sql("""
				INSERT INTO sign_in_failures AS f (scope, subject, failures, last_failed_at, blocked_until, expires_at)
				VALUES (:scope, :subject, 1, now(), now(), now() + make_interval(secs => :window))
				ON CONFLICT (scope, subject) DO UPDATE SET
				  failures = CASE WHEN f.expires_at <= now() THEN 1 ELSE f.failures + 1 END,
				  last_failed_at = now(),
				  expires_at = greatest(f.blocked_until, now() + make_interval(secs => :window))
				RETURNING failures""")
			.param("scope", scope)
			.param("subject", subject)
			.param("window", (double) settings.window().toSeconds())
			.query(Integer.class)
			.single();
		if (failures >= allowed) {
			Duration wait = settings.lockout().multipliedBy(1L << Math.min(failures - allowed, 10));
			block(scope, subject, wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
		}
	}

	private void block(String scope, String subject, Duration wait) {
		jdbc.sql("""
				UPDATE sign_in_failures
				SET blocked_until = now() + make_interval(secs => :wait),
				    expires_at = greatest(expires_at, now() + make_interval(secs => :wait))
				WHERE scope = :scope AND subject = :subject""")
			.param("wait", (double) wait.toMillis() / 1000)
			.param("scope", scope)
			.param("subject", subject)
			.update();
	}

	private static String pair(String username, String address) {
		return subject(address + " " + user(username));
	}

	private static String user(String username) {
		return subject(username.strip().toLowerCase(Locale.ROOT));
	}

	private static String subject(String text) {
		return text.length() > LONGEST_SUBJECT ? text.substring(0, LONGEST_SUBJECT) : text;
	}

}
