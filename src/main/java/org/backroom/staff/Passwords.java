package org.backroom.staff;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.backroom.permission.Forbidden;
import org.backroom.audit.AuditTrail;
import org.backroom.lifecycle.LifecycleRefusals.RecordNotFound;
import org.backroom.web.Refusal;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing passwords: each user their own (knowing the current one), and someone with {@code staff.manage} the
 * password of another user who holds nothing they lack, for a forgotten one. A reset ends the user's sessions and
 * tokens and makes them choose their own at the next sign-in. The first owner's generated password is meant to be
 * changed with {@link #changeOwn}.
 */
@Service
class Passwords {

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final StaffAuthority authority;

	private final Tokens tokens;

	private final SignInThrottle throttle;

	Passwords(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit, StaffAuthority authority, Tokens tokens,
			SignInThrottle throttle) {
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.audit = audit;
		this.authority = authority;
		this.tokens = tokens;
	}

	/** A new password, and for one's own the current one. */
	record Change(@Nullable String currentPassword,
			@NotBlank(message = "is required") @Size(min = 10, max = 200, message = "must be 10 to 200 characters") @Nullable String newPassword) {
	}

	/** Checking the current password is a sign-in of sorts, throttled like one ({@link SignInThrottle}). */
	@Transactional
	void changeOwn(StaffPrincipal me, Change change) {
		String address = SignInEvents.address();
		throttle.wait(me.username(), address).ifPresent(wait -> {
			throw new TooManyAttempts(wait);
		});
		String hash = jdbc.sql("SELECT password_hash FROM staff WHERE id = ? FOR UPDATE").param(me.id())
			.query(String.class).single();
		if (change.currentPassword() == null || !encoder.matches(change.currentPassword(), hash)) {
			throttle.failedPasswordCheck(me.username(), address);
			throw ValidationFailed.of("currentPassword", "is not your current password");
		}
		throttle.succeeded(me.username(), address);
		jdbc.sql("UPDATE staff SET password_hash = ?, must_change_password = false, updated_at = now() WHERE id = ?")
			.params(encoder.encode(String.valueOf(change.newPassword())), me.id())
			.update();
		audit.record("staff.password-change", "staff", me.id(), null, null);
	}

	@PreAuthorize("@permissions.require('staff.manage')")
	@Transactional
	void reset(long staffId, Change change, StaffPrincipal by) {
		if (by.id() == staffId) {
			throw new Forbidden("Your own password", "Change your own password at /api/me/password, with the current one.");
		}
		if (jdbc.sql("SELECT id FROM staff WHERE id = ? FOR UPDATE").param(staffId).query(Long.class).optional().isEmpty()) {
			throw new RecordNotFound("staff user", staffId);
		}
		authority.requireOver(staffId, "set the password of");
		// A new credentials version ends every session signed in with the old password (SignInFilters checks it on
		// each request); the tokens go too; and the user picks their own password before doing anything else.
		jdbc.sql("""
				UPDATE staff SET password_hash = ?, must_change_password = true,
				       credentials_version = credentials_version + 1, updated_at = now()
				WHERE id = ?""").params(encoder.encode(String.valueOf(change.newPassword())), staffId).update();
		audit.record("staff.password-reset", "staff", staffId, null, null);
		tokens.revokeAll(staffId, "The password was reset by " + by.username() + ".");
	}

	/** Too many wrong current passwords for this user from this address: wait, as after failed sign-ins. */
	static final class TooManyAttempts extends Refusal {

		TooManyAttempts(Duration wait) {
			super("too-many-attempts", HttpStatus.TOO_MANY_REQUESTS, "Too many failed attempts",
					"Too many wrong current passwords for this user from this address; try again in "
							+ Math.max(1, wait.toSeconds()) + " seconds.");
			with("retryAfterSeconds", Math.max(1, wait.toSeconds()));
		}

	}

}
